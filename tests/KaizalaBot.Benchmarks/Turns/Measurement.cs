namespace KaizalaBot.Benchmarks.Turns;

/// <summary>
/// One measured run against one process: what the sellers saw (turns, latencies, errors) and what the process spent
/// (CPU time from /proc over the same interval, its peak resident memory during it, what it allocated and how often
/// it collected garbage).
/// </summary>
internal sealed record Measurement(
    int Turns, TimeSpan Elapsed, TimeSpan Cpu, double[] SortedLatenciesMs, int Errors, int WalksDone, long PeakRss, string? FirstError)
{
    public long AllocatedBytes { get; init; }

    public int Collections { get; init; }

    /// <summary>Time the runtime held the managed threads still for collections, over the run.</summary>
    public double GcPauseMilliseconds { get; init; }

    /// <summary>The longest of those pauses.</summary>
    public double MaxGcPauseMilliseconds { get; init; }

    /// <summary>Share of the run's wall time spent in collection pauses, percent.</summary>
    public double GcPausePercent => Elapsed == TimeSpan.Zero ? double.NaN : 100 * GcPauseMilliseconds / Elapsed.TotalMilliseconds;

    public double AllocatedKilobytesPerTurn => Turns == 0 ? double.NaN : AllocatedBytes / 1024.0 / Turns;

    /// <summary>Rounds of one cell taken in turn with the floor's, added up as one run (latencies merged, the highest peak).</summary>
    public static Measurement Combine(IReadOnlyList<Measurement> rounds) => new(
        rounds.Sum(r => r.Turns),
        TimeSpan.FromTicks(rounds.Sum(r => r.Elapsed.Ticks)),
        TimeSpan.FromTicks(rounds.Sum(r => r.Cpu.Ticks)),
        [.. rounds.SelectMany(r => r.SortedLatenciesMs).Order()],
        rounds.Sum(r => r.Errors),
        rounds.Sum(r => r.WalksDone),
        rounds.Max(r => r.PeakRss),
        rounds.Select(r => r.FirstError).FirstOrDefault(e => e is not null))
    {
        AllocatedBytes = rounds.Sum(r => r.AllocatedBytes),
        Collections = rounds.Sum(r => r.Collections),
        GcPauseMilliseconds = rounds.Sum(r => r.GcPauseMilliseconds),
        MaxGcPauseMilliseconds = rounds.Max(r => r.MaxGcPauseMilliseconds),
    };

    public double TurnsPerSecond => Turns / Elapsed.TotalSeconds;

    public double CpuPerTurnMicroseconds => Turns == 0 ? double.NaN : Cpu.TotalMicroseconds / Turns;

    /// <summary>CPU time over wall time: above 1 means the process used more than one core.</summary>
    public double Cores => Cpu / Elapsed;

    public double P50 => Percentile(0.50);

    public double P99 => Percentile(0.99);

    public double Max => SortedLatenciesMs.Length == 0 ? double.NaN : SortedLatenciesMs[^1];

    private double Percentile(double p) => SortedLatenciesMs.Length == 0
        ? double.NaN
        : SortedLatenciesMs[Math.Clamp((int)Math.Ceiling(p * SortedLatenciesMs.Length) - 1, 0, SortedLatenciesMs.Length - 1)];
}
