using KaizalaBot.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace KaizalaBot.Benchmarks;

/// <summary>The real host on real Kestrel (loopback, OS-chosen port), Development mode, logging off so it is not measured.</summary>
internal sealed class BenchmarkHost : WebApplicationFactory<Program>
{
    private readonly string _storage;
    private readonly string _storageRoot;

    public BenchmarkHost(string storage, string storageRoot)
    {
        _storage = storage;
        _storageRoot = storageRoot;
        UseKestrel(0);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // The factory guesses the content root from the solution layout; the host lives under src/, so say where.
        builder.UseContentRoot(Path.Combine(RepositoryPaths.Root, "src", "KaizalaBot"));
        builder.UseEnvironment("Development");
        builder.UseSetting("Storage:Provider", _storage);
        builder.UseSetting("Storage:File:RootPath", _storageRoot);
        builder.UseSetting("Playground:Enabled", "false");
        builder.ConfigureLogging(logging => logging.ClearProviders());
    }
}
