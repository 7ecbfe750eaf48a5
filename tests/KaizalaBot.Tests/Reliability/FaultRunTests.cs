using KaizalaBot.Migration.Jobs;
using KaizalaBot.Reliability;
using Xunit.Abstractions;

namespace KaizalaBot.Tests.Reliability;

/// <summary>
/// The short run of the fault harness, on every build: two migrations (file, then Blob on Azurite) run by the bot process
/// while 20% of the standalone simulator's answers fail (licence updates and checkouts that time out after being carried
/// out, 503 on the suspension, 500s, 429 with Retry-After from a rate limit below the engine's pace) and 20% of the seller's
/// chat connector's answers are 429 with Retry-After, 500 or 503. Meanwhile reminder scans run for two sellers whose chats
/// fail the same way (in the second run, one header and one digest update are also carried out with their answers lost):
/// every due (subscription, lead time, seller) reminder must be shown once. The long run is
/// <c>dotnet run --project tests/KaizalaBot.Reliability -- faults</c>.
/// </summary>
public sealed class FaultRunTests(ITestOutputHelper output)
{
    [Fact]
    public async Task ShortRun_TwentyPercentPartnerCenterAndConnectorFaults_EveryMigrationCompletesNothingDoneTwice()
    {
        var log = new StringWriter();
        var report = await CrashRun.RunAsync(CrashRunSettings.FaultsShortRun, log, CancellationToken.None);
        output.WriteLine(log.ToString());
        output.WriteLine(report.ToString());

        var summary = log + report.ToString();
        Assert.Equal(CrashRunSettings.FaultsShortRun.Runs, report.Runs.Count);
        Assert.Empty(report.Killed);

        // The faults really happened (a broken rule would make this pass on a healthy simulator and connector).
        Assert.All(report.Runs, r => Assert.True(r.FaultsSurvived > 0, summary));
        Assert.True(report.Runs.Sum(r => r.ConnectorFaultsSurvived) > 0, summary);
        Assert.All(report.Runs, r => Assert.Equal(MigrationState.Completed, r.FinalState));
        Assert.True(report.Runs.Sum(r => r.DuplicatePurchases + r.DoubleSuspensions + r.DuplicateSummaries) == 0, summary);
        Assert.True(report.Runs.Sum(r => r.UsersWithoutNewLicence + r.UsersStillOnKaizalaPro) == 0, summary);
        Assert.True(report.Runs.Sum(r => r.StaleProgressCards) == 0, summary);

        // Every reminder due in the simulator's world shown once, counted from the connector's 2xx answers, in both runs;
        // the second run's lost answers really happened (a header and an update), so a digest half sent was finished.
        var reminders = report.Runs.Select(r => r.Reminders ?? throw new InvalidOperationException("No reminders counted: " + summary)).ToList();
        Assert.All(reminders, c => Assert.True(c.Due > 0 && c.Delivered == c.Due && c.Twice == 0 && c.Missing == 0 && c.NotDue == 0, summary));
        Assert.Equal(0, reminders[0].LostAnswers);
        Assert.True(reminders[1].LostAnswers >= 2, summary);
        Assert.True(report.Passed, summary);
    }
}
