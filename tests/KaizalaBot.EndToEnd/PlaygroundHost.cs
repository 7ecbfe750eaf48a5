using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace KaizalaBot.EndToEnd;

/// <summary>
/// The real host on real Kestrel in Development, exactly as <c>dotnet run</c> starts it — including its launcher,
/// which installs and starts the Microsoft 365 Agents Playground pointed at the bot — with memory storage and a free
/// Playground port so runs never collide. Ready when the launcher logs "Agents Playground started", which it does once
/// the Playground listens.
/// </summary>
public sealed class PlaygroundHost : WebApplicationFactory<Program>, IAsyncLifetime
{
    // The first run includes `npm ci` of the Playground; afterwards it starts within seconds.
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);

    private readonly FakeLogCollector _log = new();

    public PlaygroundHost()
    {
        PlaygroundPort = FreePorts.Next();
        UseKestrel(0);
    }

    /// <summary>The port asked for, then the one the Playground took (another when that one was taken meanwhile).</summary>
    public int PlaygroundPort { get; private set; }

    public Uri PlaygroundUrl => new($"http://localhost:{PlaygroundPort}/");

    public string ChromiumPath { get; private set; } = ChromiumInstaller.DefaultPath;

    public async Task InitializeAsync()
    {
        ChromiumPath = await ChromiumInstaller.EnsureAsync(CancellationToken.None);
        using var timeout = new CancellationTokenSource(StartTimeout);
        var started = PlaygroundStartedAsync(timeout.Token);
        try
        {
            StartServer();
        }
        catch
        {
            await timeout.CancelAsync();
            throw;
        }

        PlaygroundPort = await started;
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Storage:Provider", "Memory");
        builder.UseSetting("Playground:Enabled", "true");
        builder.UseSetting("Playground:Port", PlaygroundPort.ToString(CultureInfo.InvariantCulture));
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning).AddProvider(new FakeLoggerProvider(_log)));
    }

    // The launcher's own signal, or its reason for giving up; the log says which as soon as it happens.
    private async Task<int> PlaygroundStartedAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var record in _log.GetLogsAsync(cancellationToken))
            {
                if (record.Category != "KaizalaBot.Playground.PlaygroundLauncher")
                {
                    continue;
                }

                if (record.Message.StartsWith("Agents Playground started", StringComparison.Ordinal))
                {
                    return int.Parse(record.GetStructuredStateValue("Port")!, CultureInfo.InvariantCulture);
                }

                // Node.js or npm missing, a failed install, or the Playground exiting: nothing more will come.
                if (record.Level >= LogLevel.Error || record.Message.StartsWith("The Agents Playground exited", StringComparison.Ordinal))
                {
                    throw new InvalidOperationException($"The Agents Playground did not start: {record.Message}");
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }

        throw new TimeoutException(
            $"The launcher did not log \"Agents Playground started\" within {StartTimeout}: is Node.js installed? See the host log.");
    }
}
