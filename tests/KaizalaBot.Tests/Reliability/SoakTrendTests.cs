using KaizalaBot.Reliability;
using KaizalaBot.Testing.Diagnostics;

namespace KaizalaBot.Tests.Reliability;

/// <summary>
/// The soak harness's pass rule, which its on-demand run (<c>-- soak --minutes 30</c>, not in CI: see docs/reliability.md)
/// rests on: the least-squares rise after the warm-up against each bound, and the reading of a real process from /proc.
/// </summary>
public sealed class SoakTrendTests
{
    private static readonly SoakSettings TenMinutes = SoakSettings.Default with { Duration = TimeSpan.FromMinutes(10), WarmUp = TimeSpan.FromMinutes(2) };

    private static readonly SoakLoad Load = new(
        Sellers: 100, Turns: 1100, TurnFailures: 0, RepliesAwaited: 1000, RepliesDelivered: 1000, MigrationsCompleted: 5, MigrationsNotCompleted: 0,
        Scans: 10, ScanFailures: 0, ConnectorCalls: 3000);

    [Fact]
    public void Fit_SawToothAroundALevel_IsFlatDespiteItsPeaks()
    {
        // A GC saw-tooth: 40 MiB up and down every minute around 200 MiB, for 10 minutes.
        var points = Enumerable.Range(0, 121).Select(i => (i * 5.0, 200 + (i % 12) * 40.0 / 11)).ToList();

        var trend = MetricTrend.Fit("RSS", "MiB", points, bound: 48);

        Assert.True(trend.Flat, trend.ToString());
        Assert.InRange(Math.Abs(trend.Rise), 0, 8);
    }

    [Fact]
    public void Fit_ALeakOfTenMiBAMinute_IsRisingByItsSlopeTimesTheSpan()
    {
        var points = Enumerable.Range(0, 61).Select(i => (i * 10.0, 150 + i * 10 / 6.0)).ToList();

        var trend = MetricTrend.Fit("RSS", "MiB", points, bound: 48);

        Assert.False(trend.Flat);
        Assert.Equal(10, trend.SlopePerMinute, precision: 6);
        Assert.Equal(100, trend.Rise, precision: 6);
    }

    [Fact]
    public void Fit_TooFewSamples_IsNeverFlat()
    {
        Assert.False(MetricTrend.Fit("threads", "threads", [(0, 20), (5, 20)], bound: 4).Flat);
        Assert.False(MetricTrend.Fit("threads", "threads", [], bound: 4).Flat);
    }

    [Fact]
    public void Report_RiseDuringTheWarmUpOnly_Passes_ThreadLeakAfterIt_Fails()
    {
        // Memory and handles climb for the first two minutes (warm-up), then hold; in the second series one thread a minute leaks.
        var settled = Samples(at => (at < 120 ? 100 + at : 220, 20, at < 120 ? 250 + (int)at / 10 : 262));
        var leaking = Samples(at => (220, 20 + (int)(at / 60), 262));

        var passed = Report(settled);
        var failed = Report(leaking);

        Assert.True(passed.Passed, passed.ToString());
        Assert.False(failed.Passed, failed.ToString());
        Assert.Equal(["RSS", "handles"], failed.Trends.Where(t => t.Flat).Select(t => t.Name));
    }

    [Fact]
    public void Report_FlatButATurnFailed_Fails()
    {
        var report = Report(Samples(_ => (200, 20, 260)), Load with { TurnFailures = 1 });

        Assert.True(report.Trends.All(t => t.Flat));
        Assert.False(report.Passed, report.ToString());
    }

    [Fact]
    public void Report_OneReplyInAThousandMissing_Passes_MoreFails_NoneAwaitedFails()
    {
        var flat = Samples(_ => (200, 20, 260));

        var oneInAThousand = Report(flat, Load with { RepliesAwaited = 10_000, RepliesDelivered = 9_990 });
        var more = Report(flat, Load with { RepliesAwaited = 10_000, RepliesDelivered = 9_989 });
        var none = Report(flat, Load with { RepliesAwaited = 0, RepliesDelivered = 0 });

        Assert.True(oneInAThousand.Passed, oneInAThousand.ToString());
        Assert.False(more.Passed, more.ToString());
        Assert.False(none.Passed, none.ToString());
        Assert.Contains("9989 of 10000 replies delivered (11 missing)", more.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SellersAndPause_AreTaken_NoSellerIsRefused()
    {
        var settings = SoakSettings.Parse(["--sellers", "150", "--pause-ms", "5000"]);

        Assert.Equal(150, settings.Sellers);
        Assert.Equal(TimeSpan.FromSeconds(5), settings.TurnPause);
        Assert.Throws<ArgumentException>(() => SoakSettings.Parse(["--sellers", "0"]));
    }

    [Fact]
    public void Read_ThisProcess_SeesItsMemoryThreadsAndHandles()
    {
        var sample = ProcessSample.Read(Environment.ProcessId, TimeSpan.FromSeconds(1));

        Assert.InRange(sample.RssBytes, 1024 * 1024, long.MaxValue);
        Assert.InRange(sample.Threads, 2, 10_000);
        Assert.InRange(sample.Handles, 3, 1_000_000);
    }

    [Fact]
    public void Read_AProcessThatIsGone_SaysSo()
    {
        // PID numbers are capped by /proc/sys/kernel/pid_max (at most 2^22), so this one cannot exist.
        Assert.ThrowsAny<IOException>(() => ProcessSample.Read(int.MaxValue, TimeSpan.Zero));
    }

    private static List<ProcessSample> Samples(Func<double, (double RssMiB, int Threads, int Handles)> at) =>
        [.. Enumerable.Range(0, 121).Select(i =>
        {
            var (rss, threads, handles) = at(i * 5.0);
            return new ProcessSample(TimeSpan.FromSeconds(i * 5), (long)(rss * 1024 * 1024), threads, handles);
        })];

    private static SoakReport Report(List<ProcessSample> samples, SoakLoad? load = null) =>
        SoakReport.Create(TenMinutes, samples, SoakSettings.Bounds, load ?? Load);
}
