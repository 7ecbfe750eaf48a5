using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KaizalaBot.Storage.Memory;
using KaizalaBot.PartnerCenter.Simulator;
using KaizalaBot.Storage;
using KaizalaBot.Storage.Leases;
using KaizalaBot.Testing.Protocol;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace KaizalaBot.Tests.Support;

/// <summary>
/// What a conversation test runs against: the Partner Center simulator (its own clock, started at the real now so end
/// dates read right), the recording connector, shared storage and leases, and the bot host; <see cref="RestartAsync"/>
/// stops the host and starts a new one on the same storage, as a redeploy does.
/// </summary>
internal sealed class ConversationWorld : IAsyncDisposable
{
    public const string KaizalaSkuId = "5eed0000-0000-4000-8000-00000000ca1a";

    private readonly IReadOnlyDictionary<string, string?> _hostSettings;
    private readonly Action<IServiceCollection>? _services;

    private ConversationWorld(
        PartnerCenterSimulatorServer simulator, FakeTimeProvider clock, RecordingConnectorServer connector, IStorage storage,
        IReadOnlyDictionary<string, string?> hostSettings, Action<IServiceCollection>? services)
    {
        _services = services;
        Simulator = simulator;
        SimulatorClock = clock;
        Connector = connector;
        Storage = storage;
        _hostSettings = hostSettings;
        Inspection = new HttpClient { BaseAddress = simulator.Root };
        Leases = new MemoryLeaseManager(TimeProvider.System, NullLogger<MemoryLeaseManager>.Instance);
        Host = new ConversationBotHost(simulator.Root, storage, Leases, Logs, hostSettings, services, () => connector.Requests.Count);
        Client = Host.CreateClient();
    }

    public PartnerCenterSimulatorServer Simulator { get; }

    public FakeTimeProvider SimulatorClock { get; }

    public RecordingConnectorServer Connector { get; }

    public IStorage Storage { get; }

    public ILeaseManager Leases { get; }

    public FakeLogCollector Logs { get; } = new();

    public HttpClient Inspection { get; }

    public ConversationBotHost Host { get; private set; }

    public HttpClient Client { get; private set; }

    public static async Task<ConversationWorld> StartAsync(
        IDictionary<string, string?>? simulatorSettings = null, IDictionary<string, string?>? hostSettings = null, IStorage? storage = null,
        Action<IServiceCollection>? services = null)
    {
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        var settings = new Dictionary<string, string?> { ["ProvisioningDelay"] = "00:00:00" };
        foreach (var (key, value) in simulatorSettings ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var simulator = await PartnerCenterSimulatorServer.StartAsync(settings, clock, "/_pcsim", CancellationToken.None);
        var connector = await RecordingConnectorServer.StartAsync();
        return new ConversationWorld(
            simulator, clock, connector, storage ?? new MemoryStorage(), new Dictionary<string, string?>(hostSettings ?? new Dictionary<string, string?>()), services);
    }

    /// <summary>Stops the bot host (its runner and senders with it) and starts a new one on the same storage and leases.</summary>
    public async Task RestartAsync()
    {
        Client.Dispose();
        await Host.DisposeAsync();
        Host = new ConversationBotHost(Simulator.Root, Storage, Leases, Logs, _hostSettings, _services, () => Connector.Requests.Count);
        Client = Host.CreateClient();
    }

    public TeamsActivities Seller(string locale = "en-US") => new(new Uri(Connector.ServiceUrl), locale);

    /// <summary>Another user of the partner, in their own personal chat (entitled when the test lists them).</summary>
    public TeamsActivities OtherUser(string aadObjectId, string name, string locale = "en-US") =>
        new(new Uri(Connector.ServiceUrl), locale, $"a:personal-{aadObjectId}", aadObjectId, UserId: $"29:{aadObjectId}", Name: name);

    /// <summary>Replaces the simulator's injected faults with <paramref name="rules"/> (none: Partner Center answers again).</summary>
    public async Task SetPartnerCenterFaultsAsync(params object[] rules)
    {
        using var response = await Inspection.PutAsJsonAsync(
            "_simulator/faults", new { seed = 7, requestsPerMinute = 500, timeoutDuration = "00:00:01", rules });
        response.EnsureSuccessStatusCode();
    }

    public async Task<JsonObject> TenantAsync(string customerId)
    {
        var body = await Inspection.GetFromJsonAsync<JsonObject>($"_simulator/customers/{customerId}");
        return body!["tenant"]!.AsObject();
    }

    /// <summary>
    /// A commercial customer whose Kaizala Pro subscription is active for a while yet, with a few holders who all have a
    /// usage location (so every move succeeds), skipping <paramref name="skip"/> of them (tests pick different ones).
    /// </summary>
    public Task<DemoCustomer> SmallKaizalaCustomerAsync(int skip = 0) =>
        KaizalaCustomerAsync(holders => holders.All(u => u["usageLocation"] is not null), skip);

    /// <summary>A small Kaizala customer with holders both with and without a usage location (the latter cannot be moved).</summary>
    public Task<DemoCustomer> KaizalaCustomerWithUnlocatedHolderAsync() =>
        KaizalaCustomerAsync(holders => holders.Any(u => u["usageLocation"] is null) && holders.Any(u => u["usageLocation"] is not null), 0);

    private async Task<DemoCustomer> KaizalaCustomerAsync(Func<List<JsonObject>, bool> fits, int skip)
    {
        var state = await Inspection.GetFromJsonAsync<JsonObject>("_simulator/state");
        var found = new List<DemoCustomer>();
        foreach (var customer in state!["customers"]!.AsArray().Select(c => c!.AsObject())
            .Where(c => c["hasKaizala"]!.GetValue<bool>() && c["segment"]!.GetValue<string>() == "commercial"))
        {
            var id = customer["id"]!.GetValue<string>();
            var tenant = await TenantAsync(id);
            var kaizala = tenant["subscriptions"]!.AsArray().Select(s => s!.AsObject()).FirstOrDefault(s =>
                s["skuId"]!.GetValue<string>() == KaizalaSkuId && s["status"]!.GetValue<string>() == "active"
                && s["commitmentEndDate"]!.GetValue<DateTimeOffset>() > SimulatorClock.GetUtcNow().AddDays(20));
            var holders = Holders(tenant);
            if (kaizala is not null && holders.Count is > 0 and <= 12 && fits(holders)
                && tenant["users"]!.AsArray().Count <= 40)
            {
                found.Add(new DemoCustomer(id, customer["companyName"]!.GetValue<string>(), kaizala["id"]!.GetValue<string>(), [.. holders.Select(u => u["id"]!.GetValue<string>())]));
            }
        }

        return found.Count > skip ? found[skip] : throw new InvalidOperationException($"The demo world has only {found.Count} such small Kaizala customers.");
    }

    /// <summary>The Kaizala customer with the most users (the demo world's 1,500-user tenant), its subscription active.</summary>
    public async Task<DemoCustomer> LargestKaizalaCustomerAsync()
    {
        var state = await Inspection.GetFromJsonAsync<JsonObject>("_simulator/state");
        DemoCustomer? largest = null;
        var most = 0;
        foreach (var customer in state!["customers"]!.AsArray().Select(c => c!.AsObject()).Where(c => c["hasKaizala"]!.GetValue<bool>()))
        {
            var id = customer["id"]!.GetValue<string>();
            var tenant = await TenantAsync(id);
            var kaizala = tenant["subscriptions"]!.AsArray().Select(s => s!.AsObject())
                .FirstOrDefault(s => s["skuId"]!.GetValue<string>() == KaizalaSkuId && s["status"]!.GetValue<string>() == "active");
            var users = tenant["users"]!.AsArray().Count;
            if (kaizala is not null && users > most)
            {
                most = users;
                largest = new DemoCustomer(id, customer["companyName"]!.GetValue<string>(), kaizala["id"]!.GetValue<string>(), [.. Holders(tenant).Select(u => u["id"]!.GetValue<string>())]);
            }
        }

        return largest ?? throw new InvalidOperationException("The demo world has no Kaizala customer.");
    }

    public static List<JsonObject> Holders(JsonObject tenant) =>
        [.. tenant["users"]!.AsArray().Select(u => u!.AsObject()).Where(u => u["assignedSkuIds"]!.AsArray().Any(s => s!.GetValue<string>() == KaizalaSkuId))];

    public async ValueTask DisposeAsync()
    {
        // Debugging a failing conversation test: KAIZALABOT_TEST_LOG=<file> keeps the host's log and the connector's requests.
        if (Environment.GetEnvironmentVariable("KAIZALABOT_TEST_LOG") is { Length: > 0 } logFile)
        {
            File.AppendAllLines(logFile, [.. Logs.GetSnapshot().Select(r => $"{r.Level} {r.Category}: {r.Message} {r.Exception}"),
                .. Connector.Requests.Select(r => $"connector {r.Method} {r.RawTarget} ({r.Body.Length} bytes)")]);
        }

        Client.Dispose();
        await Host.DisposeAsync();
        Inspection.Dispose();
        await Connector.DisposeAsync();
        await Simulator.DisposeAsync();
    }
}
