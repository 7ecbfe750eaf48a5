using KaizalaBot.Migration.Expiry;
using KaizalaBot.Migration.Jobs;
using KaizalaBot.Migration.Notifications;
using KaizalaBot.Migration.Reminders;
using KaizalaBot.Migration.Tests.Infrastructure;
using KaizalaBot.PartnerCenter;
using KaizalaBot.PartnerCenter.Simulator;
using KaizalaBot.Storage;
using KaizalaBot.Storage.Leases;
using KaizalaBot.Storage.Memory;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace KaizalaBot.Migration.Tests.Reminders;

/// <summary>
/// The reminders on a virtual clock that only moves when a test says so: the simulator over real HTTP (roles, scans,
/// migrations), one shared store, the host's ports as in-memory fakes, and "instances" (service providers) that share
/// the store and, unless told otherwise, the leases.
/// </summary>
internal sealed class ReminderHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

    public const string ChannelId = "19:kaizala-sales@thread.tacv2";

    private readonly List<ServiceProvider> _instances = [];
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly MemoryLeaseManager _leases;

    private ReminderHarness(FakeTimeProvider clock, PartnerCenterSimulatorServer simulator, IReadOnlyDictionary<string, string?> settings)
    {
        Clock = clock;
        Simulator = simulator;
        _settings = settings;
        _leases = new MemoryLeaseManager(clock, Microsoft.Extensions.Logging.Abstractions.NullLogger<MemoryLeaseManager>.Instance);
        Primary = NewInstance();
    }

    public FakeTimeProvider Clock { get; }

    public PartnerCenterSimulatorServer Simulator { get; }

    public MemoryStorage Storage { get; } = new();

    public FakeReminderRecipients Recipients { get; } = new();

    public RecordingReminderDelivery Delivery { get; } = new();

    public FakeLogCollector Logs { get; } = new();

    public IServiceProvider Primary { get; }

    public ExpiryIndex Index => Primary.GetRequiredService<ExpiryIndex>();

    public ReminderPlanner Planner => Primary.GetRequiredService<ReminderPlanner>();

    public ReminderDispatcher Dispatcher => Primary.GetRequiredService<ReminderDispatcher>();

    public CustomerOwnership Ownership => Primary.GetRequiredService<CustomerOwnership>();

    public ReminderSnoozes Snoozes => Primary.GetRequiredService<ReminderSnoozes>();

    public ReminderStore Store => Primary.GetRequiredService<ReminderStore>();

    public static ReminderRecipient Channel { get; } = new() { Kind = ReminderRecipientKind.Channel, TenantId = SimulatorDemoDirectory.PartnerTenantId, ConversationId = ChannelId, Locale = "en-US" };

    public static async Task<ReminderHarness> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var clock = new FakeTimeProvider(Start);
        var simulator = await PartnerCenterSimulatorServer.StartAsync(new Dictionary<string, string?>(), clock, "/_pcsim", CancellationToken.None);
        return new ReminderHarness(clock, simulator, new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>()));
    }

    /// <summary>Another instance on the same store; with its own leases when <paramref name="ownLeases"/> (a split brain).</summary>
    public IServiceProvider NewInstance(bool ownLeases = false)
    {
        var settings = new Dictionary<string, string?>
        {
            ["PartnerCenter:Endpoint"] = Simulator.Root.ToString(),
            ["PartnerCenter:Authority"] = Simulator.Root.ToString(),
            ["PartnerCenter:PartnerTenantId"] = SimulatorDemoDirectory.PartnerTenantId,
            ["PartnerCenter:ApplicationId"] = SimulatorDemoDirectory.DemoClientId,
            ["PartnerCenter:ApplicationSecret"] = SimulatorDemoDirectory.DemoClientSecret,
            ["PartnerCenter:RefreshToken"] = SimulatorDemoDirectory.DemoRefreshToken,
            ["PartnerCenter:Retry:AttemptTimeout"] = "1.00:00:00",

            // The clock stands still unless a test moves it: the whole demo scan fits in the pacer's first second.
            ["Expiry:RequestsPerMinute"] = "60000",
            ["Reminders:MaxItemsPerCard"] = "10",
        };
        foreach (var (key, value) in _settings)
        {
            settings[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(new FakeLoggerProvider(Logs)).SetMinimumLevel(LogLevel.Debug));
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton<IStorage>(Storage);
        services.AddSingleton<ILeaseManager>(ownLeases
            ? new MemoryLeaseManager(Clock, Microsoft.Extensions.Logging.Abstractions.NullLogger<MemoryLeaseManager>.Instance)
            : _leases);
        services.AddPartnerCenterClient(configuration);
        services.AddKaizalaMigration(configuration);
        services.AddKaizalaReminders(configuration);
        services.AddSingleton<IMigrationNotifier>(new RecordingNotifier());
        services.AddSingleton<IReminderRecipients>(Recipients);
        services.AddSingleton<IReminderDelivery>(Delivery);
        var provider = services.BuildServiceProvider(validateScopes: true);
        _instances.Add(provider);
        return provider;
    }

    /// <summary>Puts customers in the index as a completed scan would.</summary>
    public async Task SeedAsync(params ExpiryIndexEntry[] entries)
    {
        foreach (var entry in entries)
        {
            await Index.SaveAsync(entry, CancellationToken.None);
        }

        await Index.MarkScanCompletedAsync(new ExpiryScanResult("seeded", entries.Length, entries.Length, 0, 0, TimeSpan.Zero), Clock.GetUtcNow(), CancellationToken.None);
    }

    /// <summary>One look at the index and one pass over the outboxes, on the primary instance.</summary>
    public async Task<ReminderDispatchResult> CycleAsync()
    {
        await Planner.PlanAsync(CancellationToken.None);
        return await Dispatcher.DispatchAsync(CancellationToken.None);
    }

    /// <summary>The occasions a recipient has seen, in the order shown.</summary>
    public IReadOnlyList<string> SeenOccasions(ReminderRecipient recipient) => [.. Delivery.SeenBy(recipient.Key).Select(i => i.Occasion)];

    public void Advance(TimeSpan by) => Clock.Advance(by);

    /// <summary>The dispatcher of a fresh instance: the restart after a crash.</summary>
    public ReminderDispatcher NewInstanceDispatcher() => NewInstance().GetRequiredService<ReminderDispatcher>();

    public MigrationService Migrations => Primary.GetRequiredService<MigrationService>();

    public IPartnerCenterClient Client => Primary.GetRequiredService<IPartnerCenterClient>();

    public async ValueTask DisposeAsync()
    {
        foreach (var instance in _instances)
        {
            await instance.DisposeAsync();
        }

        await Simulator.DisposeAsync();
    }
}
