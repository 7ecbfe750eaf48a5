using System.Globalization;

namespace KaizalaBot.Benchmarks.Turns;

/// <summary>
/// What one run of the <c>turns</c> mode measures. The long run (no option) is the full matrix: every scenario at 1, 8
/// and 64 sellers on Memory, File and AzureBlob (Azurite) state, each cell's turns taken in rounds alternating with the
/// floor's (so a change in the machine's load hits both alike), then the 100,000-turn memory soak. <c>--short</c> is the
/// seconds-long version CI runs: 8 sellers, few turns in one round, a 1,000-turn soak.
/// </summary>
internal sealed record TurnSettings(
    IReadOnlyList<Scenario> Scenarios,
    IReadOnlyList<int> Sellers,
    IReadOnlyList<string> Storages,
    int Turns,
    int Rounds,
    int Warmup,
    int SoakTurns,
    Scenario SoakScenario,
    bool Short)
{
    /// <summary>The shortest first warm-up of a process (see <see cref="TurnRun"/>).</summary>
    public TimeSpan FirstWarmup => Short ? TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(8);

    /// <summary>
    /// How long a migration walk may wait for the bot to prepare its customers (<see cref="CustomerChoice.LearnAsync"/>):
    /// each customer's users are listed at Partner Center's per-customer pace (one call per user, 8 a second), the
    /// customers with the fewest users first.
    /// </summary>
    public static TimeSpan PrepareTimeout { get; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The simulator's world: the long run seeds 1,024 customers, all holding Kaizala Pro, so that it finds 512 active ones
    /// small enough to be listed within a minute; the short run keeps the demo's 40 (25 with Kaizala Pro).
    /// </summary>
    public (int Customers, int Kaizala) SimulatorWorld => Short ? (40, 25) : (1024, 1024);

    /// <summary>
    /// How many customers the migration walks share out among the sellers (<see cref="CustomerChoice.For"/>). A walk makes
    /// four Partner Center calls against its customer's budget of 8 a second (the bot's per-customer limiter, which
    /// refills once a second): at the 2,000-2,900 turns a second this machine now reaches, 512 customers keep each budget
    /// near half its rate, at 1, 8 (64 each) or 64 sellers (8 each). With 128, each customer's budget ran out several
    /// times a second and turns waited for the next refill: maxima of 130-620 ms and a p99 above 10 ms at 8 sellers that
    /// were the limiter's, not the turn's (docs/performance.md). The short run, one walk per seller, needs one each.
    /// </summary>
    public int WalkCustomers => Short ? Sellers.Max() : 512;

    /// <summary>The short run measures a migration walk on one state only (File, if listed), to stay seconds long.</summary>
    public bool Measures(Scenario scenario, string storage) =>
        !Short || scenario.Customers is null || storage == (Storages.Contains("File") ? "File" : Storages[0]);

    /// <summary>
    /// Measured turns of a cell. The short run's migration walk runs at Partner Center's per-customer pace (a few walks a
    /// second, see docs/performance.md), so it takes one walk per seller rather than <see cref="Turns"/>.
    /// </summary>
    public int TurnsOf(Scenario scenario) => IsShortMigration(scenario) ? ShortMigrationTurns(scenario, walks: 1) : Turns;

    /// <summary>
    /// A process's first warm-up of a scenario: ten times <see cref="Warmup"/>; for the short run's migration walk two walks
    /// per seller, so that seller 0 surely completes the one the floor replays.
    /// </summary>
    public int FirstWarmupTurns(Scenario scenario) => IsShortMigration(scenario) ? ShortMigrationTurns(scenario, walks: 2) : Warmup * 10;

    private bool IsShortMigration(Scenario scenario) => Short && scenario.Customers is not null;

    private int ShortMigrationTurns(Scenario scenario, int walks) => walks * Sellers.Max() * scenario.Steps.Count;

    public const int SoakSellers = 8;
    public const int SoakSamples = 20;

    public static readonly IReadOnlyList<string> AllStorages = ["Memory", "File", "AzureBlob"];

    public static TurnSettings Parse(string[] args)
    {
        var isShort = args.Contains("--short", StringComparer.OrdinalIgnoreCase);
        var values = new BenchmarkArguments([.. args.Where(a => !a.Equals("--short", StringComparison.OrdinalIgnoreCase))]);

        var storages = values.List("storage", AllStorages);
        var unknown = storages.Except(AllStorages, StringComparer.OrdinalIgnoreCase).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"Unknown storage {string.Join(", ", unknown)}; known: {string.Join(", ", AllStorages)}.");
        }

        return new TurnSettings(
            [.. values.List("scenarios", [.. (isShort ? ScenarioCatalog.ShortRun : ScenarioCatalog.Defaults).Select(s => s.Name)]).Select(ScenarioCatalog.Named)],
            [.. values.List("sellers", isShort ? ["8"] : ["1", "8", "64"]).Select(s => int.Parse(s, CultureInfo.InvariantCulture))],
            [.. storages.Select(s => AllStorages.First(known => known.Equals(s, StringComparison.OrdinalIgnoreCase)))],
            values.Int("turns", isShort ? 200 : 5000),
            values.Int("rounds", isShort ? 1 : 5),
            values.Int("warmup", isShort ? 50 : 600),
            values.Int("soak", isShort ? 1000 : 100_000),
            ScenarioCatalog.Named(values.String("soak-scenario", ScenarioCatalog.Welcome.Name)),
            isShort);
    }
}
