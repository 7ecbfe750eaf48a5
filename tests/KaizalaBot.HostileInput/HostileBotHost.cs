using System.Net;
using KaizalaBot.BotFramework.Connector;
using KaizalaBot.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace KaizalaBot.HostileInput;

/// <summary>
/// The real bot (Program.cs) on real Kestrel (loopback, OS-chosen port) as a developer runs it, the weakest
/// configuration: Development, no app id, file storage; its connector's connections go through the
/// <see cref="OutboundMonitor"/>, Partner Center is the <see cref="PartnerCenterSink"/>, and its Warning-and-above logs go
/// into a collector the report reads.
/// </summary>
internal sealed class HostileBotHost : WebApplicationFactory<Program>
{
    private readonly string _storageRoot;
    private readonly OutboundMonitor _monitor;
    private readonly FakeLogCollector _logs;
    private readonly Uri _partnerCenter;

    public HostileBotHost(string storageRoot, OutboundMonitor monitor, FakeLogCollector logs, Uri partnerCenter)
    {
        _partnerCenter = partnerCenter;
        _storageRoot = storageRoot;
        _monitor = monitor;
        _logs = logs;
        // Kestrel binds the port itself: UseKestrel(0) makes the factory rewrite the addresses after Build(), which races
        // with the app binding them on its own thread (dotnet/aspnetcore#67714) and failed a test now and then under load.
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
    }

    public IPEndPoint EndPoint
    {
        get
        {
            StartServer();
            return ServerEndPoints.Loopback(Services);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseContentRoot(Path.Combine(RepositoryPaths.Root, "src", "KaizalaBot"));
        builder.UseEnvironment("Development");
        builder.UseSetting("Storage:Provider", "File");
        builder.UseSetting("Storage:File:RootPath", _storageRoot);
        builder.UseSetting("Playground:Enabled", "false");

        // The run is about the bot's edge: the expiry index built at start-up and the reminders would call Partner Center, which this host
        // does not reach, and its error logs would count as the bot failing on input.
        builder.UseSetting("Expiry:BuildAtStartup", "false");
        builder.UseSetting("Reminders:Enabled", "false");

        // Development points Partner Center at a simulator on a fixed local port, which another process may serve: the
        // harness's sink stands there instead. One seller of the partner is listed, so dialogs open without a role look-up.
        builder.UseSetting("PartnerCenter:Endpoint", _partnerCenter.ToString());
        builder.UseSetting("PartnerCenter:Authority", _partnerCenter.ToString());
        builder.UseSetting("Migration:Authorization:PartnerTenantId", CardPayloadGenerator.PartnerTenantId);
        builder.UseSetting("Migration:Authorization:AllowedUsers:0", CardPayloadGenerator.SellerAadObjectId);

        // One attempt per send: retries against the blocked hosts would only slow the run.
        builder.UseSetting("BotFramework:MaxRetryAttempts", "1");
        builder.ConfigureLogging(logging =>
        {
            logging.ClearProviders();
            logging.AddProvider(new FakeLoggerProvider(_logs));
            logging.AddFilter<FakeLoggerProvider>(level => level >= LogLevel.Warning);
        });
        builder.ConfigureTestServices(services => services
            .AddHttpClient(BotConnectorServiceCollectionExtensions.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler((handler, _) => _monitor.Attach((SocketsHttpHandler)handler)));
    }
}
