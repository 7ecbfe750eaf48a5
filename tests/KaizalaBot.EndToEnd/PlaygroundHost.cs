using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace KaizalaBot.EndToEnd;

/// <summary>
/// The real host on real Kestrel in Development, exactly as <c>dotnet run</c> starts it — including its launcher,
/// which installs and starts the Microsoft 365 Agents Playground pointed at the bot, and the Partner Center simulator
/// mounted in-process — with memory storage and free ports so runs never collide. Ready when the launcher logs "Agents
/// Playground started", which it does once the Playground listens. The Development settings entitle the Playground's
/// user to migrate; a migration here runs in seconds (short provisioning, a runner that polls often), and the reminders
/// stay off so that no digest joins the conversation.
/// </summary>
public sealed class PlaygroundHost : WebApplicationFactory<Program>, IAsyncLifetime
{
    // The first run includes `npm ci` of the Playground; afterwards it starts within seconds.
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);

    private readonly FakeLogCollector _log = new();

    public PlaygroundHost()
    {
        PlaygroundPort = FreePorts.Next();
        BotPort = FreePorts.Next();
        // Kestrel binds the port itself (not UseKestrel(port), whose address rewrite races with the app: dotnet/aspnetcore#67714).
        UseKestrel(kestrel => kestrel.ListenLocalhost(BotPort));
    }

    /// <summary>The port asked for, then the one the Playground took (another when that one was taken meanwhile).</summary>
    public int PlaygroundPort { get; private set; }

    /// <summary>The bot's port, known before it starts: the Partner Center client calls the simulator mounted there.</summary>
    public int BotPort { get; }

    /// <summary>The in-process Partner Center simulator's root (Development mounts it under <c>/_pcsim</c>); <c>_simulator/…</c> inspects it.</summary>
    public Uri SimulatorRoot => new($"http://localhost:{BotPort}/_pcsim/");

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
        var simulator = SimulatorRoot.ToString().TrimEnd('/');
        builder.UseSetting("PartnerCenter:Endpoint", simulator);
        builder.UseSetting("PartnerCenter:Authority", simulator);
        builder.UseSetting("PartnerCenterSimulator:ProvisioningDelay", "00:00:02");
        builder.UseSetting("Migration:Runner:PollInterval", "00:00:00.200");
        builder.UseSetting("Migration:Runner:ProvisioningPollInterval", "00:00:00.500");
        builder.UseSetting("Expiry:BuildAtStartup", "false");
        builder.UseSetting("Reminders:Enabled", "false");
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
