using System.Net;
using KaizalaBot.BotFramework.Connector;
using KaizalaBot.PartnerCenter.Simulator;
using KaizalaBot.Storage;
using KaizalaBot.Storage.Leases;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace KaizalaBot.Tests.Support;

/// <summary>
/// The real host (Program.cs) on real Kestrel (loopback, OS-chosen port), in Development, talking to a Partner Center
/// simulator of the test's own and replying to a recording connector; the seller of <see cref="TeamsActivities"/> is
/// entitled to migrate. The runner polls often so a migration completes in seconds. Storage is given by the test, so
/// a second host on the same storage is a restart.
/// </summary>
internal sealed class ConversationBotHost : WebApplicationFactory<Program>
{
    private readonly Uri _simulator;
    private readonly IStorage _storage;
    private readonly ILeaseManager _leases;
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;
    private readonly Func<int>? _recordedRequests;

    /// <param name="recordedRequests">
    /// How many requests the recording connector holds: stamped on each answer as <see cref="RecordedRequestsHeader"/>.
    /// </param>
    public ConversationBotHost(
        Uri simulator, IStorage storage, ILeaseManager leases, FakeLogCollector logs, IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null, Func<int>? recordedRequests = null)
    {
        _services = services;
        _recordedRequests = recordedRequests;
        _simulator = simulator;
        _storage = storage;
        _leases = leases;
        _settings = settings ?? new Dictionary<string, string?>();
        Logs = logs;

        // Kestrel binds the port itself: UseKestrel(0) makes the factory rewrite the server's addresses after Build(),
        // which races with a minimal-hosting app binding them on its own thread ("Addresses cannot be modified after
        // the server has started", dotnet/aspnetcore#67714) and failed a test now and then on a loaded machine.
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
    }

    /// <summary>
    /// Response header: how many requests had reached the recording connector when the bot began its answer. The bot
    /// answers while its turn still holds the conversation, so what the header counts came before that turn's end and
    /// nothing after it; counting once the answer is read instead races with a redraw that followed the turn.
    /// </summary>
    public const string RecordedRequestsHeader = "X-Test-Recorded-Requests";

    public FakeLogCollector Logs { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Memory",
            ["Playground:Enabled"] = "false",
            ["BotFramework:RetryBaseDelay"] = "00:00:00.100",
            ["PartnerCenter:Endpoint"] = _simulator.ToString(),
            ["PartnerCenter:Authority"] = _simulator.ToString(),
            ["PartnerCenter:PartnerTenantId"] = SimulatorDemoDirectory.PartnerTenantId,
            ["PartnerCenter:ApplicationId"] = SimulatorDemoDirectory.DemoClientId,
            ["PartnerCenter:ApplicationSecret"] = SimulatorDemoDirectory.DemoClientSecret,
            ["PartnerCenter:RefreshToken"] = SimulatorDemoDirectory.DemoRefreshToken,
            ["PartnerCenter:Retry:BaseDelay"] = "00:00:00.050",
            ["PartnerCenter:Retry:MaxDelay"] = "00:00:00.200",
            ["Migration:Authorization:PartnerTenantId"] = TeamsActivities.TenantId,
            ["Migration:Authorization:AllowedUsers:0"] = TeamsActivities.SellerAadId,
            ["Migration:Runner:PollInterval"] = "00:00:00.100",
            ["Migration:Runner:ProvisioningPollInterval"] = "00:00:00.100",
            ["Migration:Runner:RetryRoundDelay"] = "00:00:00",
            ["Migration:Runner:CancelPollInterval"] = "00:00:00.100",
            ["Migration:Runner:ProgressInterval"] = "00:00:00",
            ["Migration:Runner:LeaseDuration"] = "00:00:15",
            ["Conversation:LiveCardInterval"] = "00:00:00.100",

            // Reminders are another conversation: a digest arriving mid-migration would be one more card in what these
            // tests count. The expiry index still builds at start-up (the customer step lists it).
            ["Reminders:Enabled"] = "false",
        };
        foreach (var (key, value) in _settings)
        {
            settings[key] = value;
        }

        builder.UseEnvironment("Development");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.AddProvider(new FakeLoggerProvider(Logs)).SetMinimumLevel(LogLevel.Debug).AddFilter("Polly", LogLevel.Warning));
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<IBotTokenProvider>();
            services.AddSingleton<IBotTokenProvider, FixedBotTokenProvider>();
            services.RemoveAll<IStorage>();
            services.AddSingleton(_storage);
            services.RemoveAll<ILeaseManager>();
            services.AddSingleton(_leases);
            if (_recordedRequests is { } recorded)
            {
                services.AddSingleton<IStartupFilter>(new RecordedRequestsStamp(recorded));
            }

            _services?.Invoke(services);
        });
    }
}
