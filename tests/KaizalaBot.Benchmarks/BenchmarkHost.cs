using System.Net;
using KaizalaBot.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KaizalaBot.Benchmarks;

/// <summary>
/// The real host on real Kestrel (loopback, OS-chosen port), Development mode, logging off so it is not measured; extra
/// settings and service changes (a benchmark's transport) when given.
/// </summary>
internal sealed class BenchmarkHost : WebApplicationFactory<Program>
{
    private readonly string _storage;
    private readonly string _storageRoot;
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;

    public BenchmarkHost(string storage, string storageRoot, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        _storage = storage;
        _storageRoot = storageRoot;
        _settings = settings ?? new Dictionary<string, string?>();
        _services = services;
        // Kestrel binds the port itself: UseKestrel(0) makes the factory rewrite the addresses after Build(), which races
        // with the app binding them on its own thread (dotnet/aspnetcore#67714) and failed a test now and then under load.
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
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
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        if (_services is not null)
        {
            builder.ConfigureTestServices(_services);
        }
    }
}
