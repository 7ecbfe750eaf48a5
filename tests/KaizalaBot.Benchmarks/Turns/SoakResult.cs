using KaizalaBot.Testing.Diagnostics;

namespace KaizalaBot.Benchmarks.Turns;

/// <summary>The memory soak: after each chunk of turns, the managed heap and RSS once a full GC has run, and their trends.</summary>
internal sealed record SoakResult(IReadOnlyList<SoakSample> Samples, int Errors, IReadOnlyList<MetricTrend> Trends)
{
    public bool Flat => Trends.All(t => t.Flat);

    public bool Met => Flat && Errors == 0;
}
