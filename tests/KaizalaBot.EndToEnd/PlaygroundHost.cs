using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace KaizalaBot.EndToEnd;

/// <summary>
/// The real host on real Kestrel in Development, exactly as <c>dotnet run</c> starts it — including its launcher,
/// which installs and starts the Microsoft 365 Agents Playground pointed at the bot, and the Partner Center simulator
/// mounted in-process — with memory storage and free ports so runs never collide. The Development settings entitle the
/// Playground's user to migrate; a migration here runs in seconds (short provisioning, a runner that polls often), and
/// the reminders stay off so that no digest joins the conversation.
/// </summary>
public sealed class PlaygroundHost : WebApplicationFactory<Program>, IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);

    public PlaygroundHost()
    {
        PlaygroundPort = FreePort();
        BotPort = FreePort();
        // Kestrel binds the port itself (not UseKestrel(port), whose address rewrite races with the app: dotnet/aspnetcore#67714).
        UseKestrel(kestrel => kestrel.ListenLocalhost(BotPort));
    }

    public int PlaygroundPort { get; }

    /// <summary>The bot's port, known before it starts: the Partner Center client calls the simulator mounted there.</summary>
    public int BotPort { get; }

    /// <summary>The in-process Partner Center simulator's root (Development mounts it under <c>/_pcsim</c>); <c>_simulator/…</c> inspects it.</summary>
    public Uri SimulatorRoot => new($"http://localhost:{BotPort}/_pcsim/");

    public Uri PlaygroundUrl => new($"http://localhost:{PlaygroundPort}/");

    public string ChromiumPath { get; private set; } = ChromiumInstaller.DefaultPath;

    public async Task InitializeAsync()
    {
        ChromiumPath = await ChromiumInstaller.EnsureAsync(CancellationToken.None);
        StartServer();

        // First run includes `npm ci` of the Playground; afterwards it answers within seconds.
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTimeOffset.UtcNow + StartTimeout;
        while (true)
        {
            try
            {
                using var response = await http.GetAsync(PlaygroundUrl);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException) when (DateTimeOffset.UtcNow < deadline)
            {
            }
            catch (TaskCanceledException) when (DateTimeOffset.UtcNow < deadline)
            {
            }

            if (DateTimeOffset.UtcNow >= deadline)
            {
                throw new InvalidOperationException(
                    $"The Agents Playground did not answer on {PlaygroundUrl} within {StartTimeout}: is Node.js installed? See the host log.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Storage:Provider", "Memory");
        builder.UseSetting("Playground:Enabled", "true");
        builder.UseSetting("Playground:Port", PlaygroundPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var simulator = SimulatorRoot.ToString().TrimEnd('/');
        builder.UseSetting("PartnerCenter:Endpoint", simulator);
        builder.UseSetting("PartnerCenter:Authority", simulator);
        builder.UseSetting("PartnerCenterSimulator:ProvisioningDelay", "00:00:02");
        builder.UseSetting("Migration:Runner:PollInterval", "00:00:00.200");
        builder.UseSetting("Migration:Runner:ProvisioningPollInterval", "00:00:00.500");
        builder.UseSetting("Expiry:BuildAtStartup", "false");
        builder.UseSetting("Reminders:Enabled", "false");
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
