using KaizalaBot.Migration.Jobs;
using KaizalaBot.Reliability;

namespace KaizalaBot.Tests.Reliability;

/// <summary>
/// How a harness invocation shares its runs among lanes (<c>--lanes N</c>): every run once, round-robin, and the same seed
/// killing run N at the same point of its migration whatever the lanes; and the one table the lanes' results end in.
/// </summary>
public sealed class CrashRunPlanTests
{
    private static readonly CrashRunSettings Hundred = new(Runs: 100, Users: 200, Seed: 20261130, BlobEvery: 3);

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(7)]
    public void For_SameSeedAnyLanes_EachRunKeepsItsKillFractionAndStore(int lanes)
    {
        var alone = CrashRunPlan.For(Hundred);
        var shared = CrashRunPlan.For(Hundred with { Lanes = lanes });

        Assert.Equal(
            alone.Runs.Select(r => (r.Run, r.KillFraction, r.Storage)),
            shared.Runs.Select(r => (r.Run, r.KillFraction, r.Storage)));
        Assert.Equal(lanes, shared.Lanes);
    }

    [Fact]
    public void For_Only_TheSeriesRunAloneWithItsKillFractionAndStore()
    {
        var series = CrashRunPlan.For(Hundred with { Lanes = 6 }).Runs.Single(r => r.Run == 45);

        var replay = CrashRunPlan.For(CrashRunSettings.Parse("crash", ["--runs", "45", "--lanes", "6", "--seed", "20261130", "--only", "45"]));

        Assert.Equal(1, replay.Lanes);
        var run = Assert.Single(replay.Runs);
        Assert.Equal((45, 1, series.KillFraction, StorageKind.Blob), (run.Run, run.Lane, run.KillFraction, run.Storage));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    public void Parse_OnlyBelowOne_Refused(string only)
    {
        Assert.Throws<ArgumentException>(() => CrashRunSettings.Parse("crash", ["--only", only]));
    }

    [Fact]
    public void For_AnotherSeed_OtherKillFractions()
    {
        // Without this the test above would also pass if the fractions ignored the seed (all equal, say).
        var one = CrashRunPlan.For(Hundred).Runs.Select(r => r.KillFraction!.Value).ToList();
        var other = CrashRunPlan.For(Hundred with { Seed = 11 }).Runs.Select(r => r.KillFraction!.Value).ToList();

        Assert.NotEqual(one, other);
        Assert.All(one, f => Assert.InRange(f, 0, 1));
        Assert.True(one.Distinct().Count() > 90, "kill fractions are drawn, not repeated");
    }

    [Fact]
    public void For_TenRunsOnFourLanes_EachRunOnceRoundRobinLanesWithinOneRunOfEachOther()
    {
        var plan = CrashRunPlan.For(Hundred with { Runs = 10, Lanes = 4 });

        Assert.Equal(Enumerable.Range(1, 10), plan.Runs.Select(r => r.Run));
        Assert.Equal([1, 5, 9], plan.OfLane(1).Select(r => r.Run));
        Assert.Equal([4, 8], plan.OfLane(4).Select(r => r.Run));
        Assert.Equal(10, Enumerable.Range(1, 4).Sum(l => plan.OfLane(l).Count()));
    }

    [Fact]
    public void For_MoreLanesThanRuns_StartsOnlyAsManyLanesAsRuns()
    {
        var plan = CrashRunPlan.For(Hundred with { Runs = 3, Lanes = 8 });

        Assert.Equal(3, plan.Lanes);
        Assert.Equal([1, 2, 3], plan.Runs.Select(r => r.Lane));
    }

    [Fact]
    public void For_FaultsMode_NoKills()
    {
        var plan = CrashRunPlan.For(CrashRunSettings.FaultsShortRun with { Lanes = 2 });

        Assert.All(plan.Runs, r => Assert.Null(r.KillAfter(TimeSpan.FromMinutes(1))));
    }

    [Fact]
    public void KillAfter_IsTheFractionOfTheCalibratedMigration()
    {
        Assert.Equal(TimeSpan.FromSeconds(25), new PlannedRun(1, 1, StorageKind.File, 0.25).KillAfter(TimeSpan.FromSeconds(100)));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-2")]
    public void Parse_LanesBelowOne_Refused(string lanes)
    {
        Assert.Throws<ArgumentException>(() => CrashRunSettings.Parse("crash", ["--lanes", lanes]));
    }

    [Fact]
    public void Parse_Lanes_Kept()
    {
        Assert.Equal(4, CrashRunSettings.Parse("instances", ["--runs", "10", "--lanes", "4"]).Lanes);
    }

    [Fact]
    public void Report_ResultsInLaneOrder_OneTableByRunWithTotalsAndKillStepsInMigrationOrder()
    {
        var report = new CrashReport(Seed: 1, Users: 200, FaultPercent: 0, Lanes: 2,
        [
            Result(2, lane: 2, killedAfter: 50, "MovingLicences 0 moved", duplicates: 1),
            Result(0, lane: 1, killedAfter: null, "-"),
            Result(3, lane: 1, killedAfter: 5, "Purchasing"),
            Result(1, lane: 1, killedAfter: 60, "MovingLicences 0 moved"),
        ]);

        var lines = report.ToString().Split(Environment.NewLine);

        Assert.Equal(CrashRunResult.Header, lines[0]);
        Assert.Equal(["calib", "1", "2", "3"], lines[1..5].Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0]));
        Assert.StartsWith("total", lines[5], StringComparison.Ordinal);
        Assert.Contains("4 of 4 Completed", lines[5], StringComparison.Ordinal);
        Assert.Equal([("Purchasing", 1), ("MovingLicences 0 moved", 2)], report.KillSteps);
        Assert.False(report.Passed);
        Assert.EndsWith("duplicate purchases 1, users without the new licence 0, users still on Kaizala Pro 0, double suspensions 0, progress cards left stale 0, summaries posted twice 0: FAILED", lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Report_ARunThatDidNotEnd_FailsTheReportAndSaysWhy()
    {
        var stuck = CrashRunResult.DidNotEnd(new PlannedRun(1, 1, StorageKind.Blob, 0.5), TimeSpan.FromSeconds(40), new TimeoutException("still Suspending"));
        var report = new CrashReport(Seed: 1, Users: 200, FaultPercent: 0, Lanes: 1, [Result(0, lane: 1, killedAfter: null, "-"), stuck]);

        Assert.False(stuck.Clean);
        Assert.False(report.Passed);
        Assert.Contains("did not end: TimeoutException", report.ToString(), StringComparison.Ordinal);
        Assert.Contains("not completed 1,", report.ToString(), StringComparison.Ordinal);
    }

    private static CrashRunResult Result(int run, int lane, double? killedAfter, string step, int duplicates = 0) =>
        new(run, lane, StorageKind.File, killedAfter is { } k ? TimeSpan.FromSeconds(k) : null, step, MigrationState.Completed, TimeSpan.FromSeconds(90),
            DuplicatePurchases: duplicates, 0, 0, 0, 0, 0, PartnerCenterCalls: 620, 0, 0);
}
