namespace KaizalaBot.Reliability;

/// <summary>
/// The runs of a harness invocation, fixed by its settings alone: run N goes to lane ((N - 1) mod lanes) + 1, and the
/// kill fractions are drawn from the seed in run order, whatever the lanes, so a seed kills run N at the same point of
/// its migration with one lane or eight (and as the harness did before it had lanes). Each lane runs its share one after
/// the other; lanes run side by side, each against a simulator of its own (<see cref="CrashLane"/>).
/// </summary>
public sealed record CrashRunPlan(int Lanes, IReadOnlyList<PlannedRun> Runs)
{
    public static CrashRunPlan For(CrashRunSettings settings)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.Lanes, 1);

        // More lanes than runs would start simulators with nothing to do.
        var lanes = Math.Min(settings.Lanes, Math.Max(1, settings.Runs));
        var random = new Random(settings.Seed);
        var runs = new List<PlannedRun>(settings.Runs);
        for (var run = 1; run <= settings.Runs; run++)
        {
            runs.Add(new PlannedRun(run, ((run - 1) % lanes) + 1, settings.StorageOf(run), settings.Kill ? random.NextDouble() : null));
        }

        // A replay of one run: every fraction was drawn (so run N's is the series'), and the run goes alone on one lane.
        return settings.Only is { } only
            ? new CrashRunPlan(1, [.. runs.Where(r => r.Run == only).Select(r => r with { Lane = 1 })])
            : new CrashRunPlan(lanes, runs);
    }

    public IEnumerable<PlannedRun> OfLane(int lane) => Runs.Where(r => r.Lane == lane);
}
