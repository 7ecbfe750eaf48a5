using KaizalaBot.PartnerCenter.Simulator;

namespace KaizalaBot.Reliability;

/// <summary>
/// One lane of a harness invocation: a standalone simulator process of its own (its own port and seeded world, reset
/// before each run) and the customer whose migration its runs repeat. A run is bound by Partner Center's 500 calls a
/// minute per customer, which each simulator counts on its own, so lanes run side by side without slowing each other
/// beyond the machine's CPU. They share only the harness process and Azurite, where each run has a container of its own.
/// </summary>
internal sealed class CrashLane : IAsyncDisposable
{
    private readonly ListeningProcess _simulator;

    private CrashLane(int number, ListeningProcess simulator, SimulatedWorld world)
    {
        Number = number;
        _simulator = simulator;
        World = world;
    }

    public int Number { get; }

    public SimulatedWorld World { get; }

    public static async Task<CrashLane> StartAsync(int number, int users, string kaizalaSkuId, CancellationToken cancellationToken)
    {
        var simulator = await ListeningProcess.StartAsync(
            typeof(SimulatorProgram).Assembly.Location,
            CrashRun.ProcessEnvironment(new Dictionary<string, string> { ["PartnerCenterSimulator:ProvisioningDelay"] = "00:00:03" }));
        var inspection = new HttpClient { BaseAddress = simulator.BaseAddress };
        CrashLane? lane = null;
        try
        {
            var (customerId, movable) = await SimulatedTenant.FindCustomerAsync(inspection, kaizalaSkuId, users, cancellationToken)
                ?? throw new InvalidOperationException($"No simulated customer has {users} movable Kaizala Pro holders.");
            lane = new CrashLane(number, simulator, new SimulatedWorld(simulator.BaseAddress, inspection, customerId, movable, kaizalaSkuId));
            return lane;
        }
        finally
        {
            if (lane is null)
            {
                inspection.Dispose();
                await simulator.DisposeAsync();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        World.Inspection.Dispose();
        await _simulator.DisposeAsync();
    }
}
