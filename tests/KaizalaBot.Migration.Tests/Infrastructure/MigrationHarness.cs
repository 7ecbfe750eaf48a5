using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KaizalaBot.Migration.Audit;
using KaizalaBot.Migration.Jobs;
using KaizalaBot.Migration.Notifications;
using KaizalaBot.Migration.Planning;
using KaizalaBot.PartnerCenter;
using KaizalaBot.PartnerCenter.Simulator;
using KaizalaBot.Storage;
using KaizalaBot.Storage.Leases;
using KaizalaBot.Storage.Memory;
using KaizalaBot.Testing;
using KaizalaBot.Testing.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace KaizalaBot.Migration.Tests.Infrastructure;

/// <summary>
/// The simulator on real HTTP, one virtual clock pumped forward for everyone, and "instances" of the engine (each its
/// own service provider, like a process) sharing one store — so a crash is a disposed instance and a restart a new one.
/// </summary>
internal sealed class MigrationHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

    private readonly List<ServiceProvider> _instances = [];
    private readonly ClockPump _pump;
    private readonly Func<IServiceProvider, ILeaseManager> _leases;
    private readonly IReadOnlyDictionary<string, string?> _engineSettings;

    private MigrationHarness(
        FakeTimeProvider clock, PartnerCenterSimulatorServer simulator, IStorage storage, Func<IServiceProvider, ILeaseManager> leases,
        IReadOnlyDictionary<string, string?> engineSettings)
    {
        Clock = clock;
        Simulator = simulator;
        Storage = storage;
        _leases = leases;
        _engineSettings = engineSettings;
        Inspection = new HttpClient { BaseAddress = simulator.Root };
        _pump = new ClockPump(clock, TimeSpan.FromMilliseconds(250));
        Primary = NewInstance();
    }

    public FakeTimeProvider Clock { get; }

    public PartnerCenterSimulatorServer Simulator { get; }

    public HttpClient Inspection { get; }

    public IStorage Storage { get; }

    public RecordingNotifier Notifier { get; } = new();

    public FakeLogCollector Logs { get; } = new();

    /// <summary>Every request the engine instances sent (each attempt), to count what a piece of work costs.</summary>
    public RequestLog Requests { get; } = new();

    public IServiceProvider Primary { get; }

    public MigrationPlanner Planner => Primary.GetRequiredService<MigrationPlanner>();

    public MigrationService Service => Primary.GetRequiredService<MigrationService>();

    public AuditTrail Audit => Primary.GetRequiredService<AuditTrail>();

    public static async Task<MigrationHarness> StartAsync(
        IDictionary<string, string?>? simulatorSettings = null,
        IDictionary<string, string?>? engineSettings = null,
        Func<TimeProvider, IStorage>? storage = null,
        Func<IServiceProvider, ILeaseManager>? leases = null)
    {
        var clock = new FakeTimeProvider(Start);
        var simulatorValues = new Dictionary<string, string?> { ["ProvisioningDelay"] = "00:02:00" };
        foreach (var (key, value) in simulatorSettings ?? new Dictionary<string, string?>())
        {
            simulatorValues[key] = value;
        }

        var simulator = await PartnerCenterSimulatorServer.StartAsync(simulatorValues, clock, "/_pcsim", CancellationToken.None);
        MemoryLeaseManager? sharedLeases = null;
        return new MigrationHarness(
            clock, simulator, storage?.Invoke(clock) ?? new MemoryStorage(),
            leases ?? (services => sharedLeases ??= new MemoryLeaseManager(clock, services.GetRequiredService<ILogger<MemoryLeaseManager>>())),
            new Dictionary<string, string?>(engineSettings ?? new Dictionary<string, string?>()));
    }

    /// <summary>A new engine instance on the same store and simulator (a second process, or the restart after a crash).</summary>
    public IServiceProvider NewInstance(IMigrationNotifier? notifier = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["PartnerCenter:Endpoint"] = Simulator.Root.ToString(),
            ["PartnerCenter:Authority"] = Simulator.Root.ToString(),
            ["PartnerCenter:PartnerTenantId"] = SimulatorDemoDirectory.PartnerTenantId,
            ["PartnerCenter:ApplicationId"] = SimulatorDemoDirectory.DemoClientId,
            ["PartnerCenter:ApplicationSecret"] = SimulatorDemoDirectory.DemoClientSecret,
            ["PartnerCenter:RefreshToken"] = SimulatorDemoDirectory.DemoRefreshToken,

            // Virtual time runs fast while real HTTP takes real milliseconds: only a true hang may time an attempt out.
            ["PartnerCenter:Retry:AttemptTimeout"] = "1.00:00:00",
            ["Migration:Runner:PollInterval"] = "00:00:05",
            ["Migration:Runner:ProvisioningPollInterval"] = "00:00:30",
            ["Migration:Runner:RetryRoundDelay"] = "00:00:10",
            ["Migration:Runner:CancelPollInterval"] = "00:00:01",
        };
        foreach (var (key, value) in _engineSettings)
        {
            settings[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(new FakeLoggerProvider(Logs)).SetMinimumLevel(LogLevel.Debug));
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton(Storage);
        services.AddSingleton<ILeaseManager>(provider => _leases(provider));
        services.ConfigureHttpClientDefaults(client => client.ConfigurePrimaryHttpMessageHandler(Requests.CreatePrimaryHandler));
        services.AddPartnerCenterClient(configuration);
        services.AddKaizalaMigration(configuration);
        services.AddSingleton(notifier ?? Notifier);
        var provider = services.BuildServiceProvider(validateScopes: true);
        lock (_instances)
        {
            _instances.Add(provider);
        }

        return provider;
    }

    /// <summary>Polls <paramref name="runner"/> until the migration rests (not runnable), within a real-time bound.</summary>
    public async Task<MigrationRecord> RunToRestAsync(MigrationRunner runner, string migrationId, TimeSpan? limit = null)
    {
        var service = Service;
        var work = Task.Run(async () =>
        {
            while (true)
            {
                await runner.PollOnceAsync(CancellationToken.None);
                await runner.WhenIdleAsync();
                var record = await service.GetAsync(migrationId, CancellationToken.None) ?? throw new MigrationNotFoundException(migrationId);
                if (!record.State.IsRunnable())
                {
                    return record;
                }

                await Task.Delay(5);
            }
        });
        return await work.WithinAsync($"migration {migrationId} to come to rest", limit ?? TimeSpan.FromSeconds(90));
    }

    public static MigrationRunner Runner(IServiceProvider instance) => instance.GetRequiredService<MigrationRunner>();

    // Simulator inspection -----------------------------------------------------------------------------------------

    public async Task<IReadOnlyList<JsonObject>> CustomersAsync()
    {
        var state = await Inspection.GetFromJsonAsync<JsonObject>("_simulator/state");
        return [.. state!["customers"]!.AsArray().Select(c => c!.AsObject())];
    }

    public async Task<JsonObject> TenantAsync(string customerId)
    {
        var body = await Inspection.GetFromJsonAsync<JsonObject>($"_simulator/customers/{customerId}");
        return body!["tenant"]!.AsObject();
    }

    public async Task<string> TenantJsonAsync(string customerId) => await Inspection.GetStringAsync($"_simulator/customers/{customerId}");

    public async Task PutFaultsAsync(object faults)
    {
        using var response = await Inspection.PutAsJsonAsync("_simulator/faults", faults);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>
    /// Replaces the simulator's fault rules (none: healthy). A rule's <c>timeout</c> or <c>timeoutAfterProcessing</c> holds
    /// the request ten virtual days, so in practice only a stopped runner ends it.
    /// </summary>
    public Task SetFaultRulesAsync(params object[] rules) =>
        PutFaultsAsync(new { seed = 7, requestsPerMinute = 500, timeoutDuration = "10.00:00:00", rules });

    /// <summary>A rule failing every request to <paramref name="endpoint"/> with <paramref name="kind"/>.</summary>
    public static object Always(string endpoint, string kind) => new { endpoint, failureRate = 1.0, kind };

    /// <summary>Commercial Kaizala customers whose Kaizala subscription is active, with their summary.</summary>
    public async Task<IReadOnlyList<KaizalaSubscriptionSummary>> ActiveKaizalaAsync(string segment = "commercial")
    {
        var result = new List<KaizalaSubscriptionSummary>();
        foreach (var customer in (await CustomersAsync()).Where(c => c["hasKaizala"]!.GetValue<bool>() && c["segment"]!.GetValue<string>() == segment))
        {
            var subscriptions = await Planner.GetKaizalaSubscriptionsAsync(customer["id"]!.GetValue<string>(), CancellationToken.None);
            result.AddRange(subscriptions.Where(s => s.Status == PartnerCenter.Models.SubscriptionStatus.Active && s.DaysLeft > 14));
        }

        return result;
    }

    /// <summary>Changes a user's licences in Partner Center directly, as the customer's administrator would, outside any migration.</summary>
    public Task ChangeLicencesAsync(string customerId, string userId, string? assign = null, string? remove = null) =>
        Primary.GetRequiredService<IPartnerCenterClient>().UpdateUserLicensesAsync(
            customerId,
            userId,
            new PartnerCenter.Models.LicenseUpdate
            {
                LicensesToAssign = assign is null ? [] : [new PartnerCenter.Models.LicenseAssignment { SkuId = assign }],
                LicensesToRemove = remove is null ? [] : [remove],
            },
            CancellationToken.None);

    /// <summary>
    /// A commercial customer with an active Kaizala Pro subscription who already holds a replacement plan (its ordinary
    /// subscription), chosen by <paramref name="fits"/> from the held plan and the Kaizala holders who have a usage location.
    /// </summary>
    public async Task<(KaizalaSubscriptionSummary Source, HeldPlan Held, IReadOnlyList<CandidateUser> Holders)> HoldingAPlanAsync(
        Func<HeldPlan, IReadOnlyList<CandidateUser>, bool> fits)
    {
        foreach (var source in (await ActiveKaizalaAsync()).OrderBy(s => s.AssignedUsers))
        {
            var held = (await Planner.GetPlanOptionsAsync(source.CustomerId, 1, CancellationToken.None))
                .FirstOrDefault(o => o.PurchaseKind == PurchaseKind.AddSeats)?.Existing;
            var holders = (await Planner.GetKaizalaUsersAsync(source.CustomerId, CancellationToken.None)).Where(u => u.UsageLocation is not null).ToList();
            if (held is not null && fits(held, holders))
            {
                return (source, held, holders);
            }
        }

        throw new InvalidOperationException("No simulated customer fits the test; check the simulator's demo world.");
    }

    /// <summary>A draft moving every Kaizala holder who has a usage location (the ones that can be licensed) to <paramref name="planId"/>.</summary>
    public async Task<MigrationDraft> DraftAsync(KaizalaSubscriptionSummary source, string planId, int? maxUsers = null, SellerIdentity? seller = null)
    {
        var users = (await Planner.GetKaizalaUsersAsync(source.CustomerId, CancellationToken.None))
            .Where(u => u.UsageLocation is not null)
            .Take(maxUsers ?? int.MaxValue)
            .Select(u => new MigrationUser(u.Id, u.UserPrincipalName, u.DisplayName))
            .ToList();
        return new MigrationDraft
        {
            Seller = seller ?? Sellers.French, CustomerId = source.CustomerId, SourceSubscriptionId = source.SubscriptionId, PlanId = planId,
            LicenceCount = users.Count, Users = users,
        };
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var instance in _instances)
        {
            await instance.DisposeAsync();
        }

        await _pump.DisposeAsync();
        Inspection.Dispose();
        await Simulator.DisposeAsync();
    }
}
