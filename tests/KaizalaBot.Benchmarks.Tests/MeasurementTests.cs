using KaizalaBot.Benchmarks.Turns;

namespace KaizalaBot.Benchmarks.Tests;

public sealed class MeasurementTests
{
    [Fact]
    public void Figures_HundredTurns_PercentilesRatesAndCpuPerTurn()
    {
        var measurement = new Measurement(
            100, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(3), [.. Enumerable.Range(1, 100).Select(i => (double)i)], 0, 50, 0, null);

        Assert.Equal(50, measurement.P50);
        Assert.Equal(99, measurement.P99);
        Assert.Equal(100, measurement.Max);
        Assert.Equal(50, measurement.TurnsPerSecond);
        Assert.Equal(30_000, measurement.CpuPerTurnMicroseconds);
        Assert.Equal(1.5, measurement.Cores);
    }

    [Fact]
    public void Combine_Rounds_AddsTurnsTimesAndErrorsAndMergesLatencies()
    {
        var first = new Measurement(2, TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(100), [1, 4], 1, 1, 10, "late");
        var second = new Measurement(2, TimeSpan.FromSeconds(3), TimeSpan.FromMilliseconds(300), [2, 3], 0, 2, 30, null);

        var combined = Measurement.Combine([first, second]);

        Assert.Equal(4, combined.Turns);
        Assert.Equal(TimeSpan.FromSeconds(4), combined.Elapsed);
        Assert.Equal(100_000, combined.CpuPerTurnMicroseconds);
        Assert.Equal([1, 2, 3, 4], combined.SortedLatenciesMs);
        Assert.Equal(1, combined.Errors);
        Assert.Equal(30, combined.PeakRss);
        Assert.Equal("late", combined.FirstError);
    }
}
