using KaizalaBot.Reliability;
using Xunit.Abstractions;

namespace KaizalaBot.Tests.Reliability;

/// <summary>
/// The short run of the shared-store harness, on every build: two bot processes on one Azurite container behind a
/// round-robin proxy; sellers walk the migration dialog through it (consecutive turns on different instances) with a
/// burst of clicks at once on the count card, while both instances are asked for reminder scans at the same moment.
/// The long run is <c>dotnet run -c Release --project tests/KaizalaBot.Reliability -- shared</c>.
/// </summary>
public sealed class SharedStoreRunTests(ITestOutputHelper output)
{
    [Fact]
    public async Task ShortRun_TwoInstancesOneStore_NoTurnLosesStateAndEachReminderIsShownOnce()
    {
        var settings = SharedStoreSettings.ShortRun;

        var report = await SharedStoreRun.RunAsync(settings, null, CancellationToken.None);
        output.WriteLine(report.ToString());

        var summary = report.ToString();
        Assert.Equal(settings.Sellers * settings.Walks, report.Walks.Count);
        Assert.All(report.Walks, w => Assert.Null(w.Failure));
        Assert.All(report.Walks, w => Assert.Equal((1, settings.Burst - 1, 0), (w.Accepted, w.Refused, w.Other)));
        Assert.True(report.Walks.Sum(w => w.Hops) > 0, summary);

        // The race the bursts are for was met: a turn saved by one instance made the other's save fail its ETag, and the
        // re-run saw the click as stale. Without it the bursts would have been serial by luck and proven nothing.
        Assert.True(report.ConflictReRuns > 0, summary);
        Assert.Equal(0, report.ErrorsLogged);
        Assert.Equal(0, report.ScansRefused);
        Assert.Equal(6 * settings.Sellers, report.Reminders.Expected);   // six Kaizala Pro subscriptions of the simulated world are due within 30 days
        Assert.Equal(report.Reminders.Expected, report.Reminders.ShownOnce);
        Assert.Equal(report.Reminders.Expected, report.Reminders.LedgerMatching);
        Assert.Equal((0, 0, 0, 0), (report.Reminders.Missing, report.Reminders.ShownTwice, report.Reminders.HeadersWithoutDigest, report.Reminders.LedgerUnexpected));
        Assert.True(report.Passed, summary);
    }
}
