using KaizalaBot.Migration.Jobs;
using KaizalaBot.Reliability;
using Xunit.Abstractions;

namespace KaizalaBot.Tests.Reliability;

/// <summary>
/// The short run of the two-instance harness, on every build: two bot processes on one Azurite store; the one that claimed
/// the migration is killed (SIGKILL) at a seeded moment while the other is up, and the other must finish it, with
/// nothing bought, moved, suspended or summarised twice. The long run is
/// <c>dotnet run --project tests/KaizalaBot.Reliability -- instances</c>.
/// </summary>
public sealed class InstancesRunTests(ITestOutputHelper output)
{
    [Fact]
    public async Task ShortRun_InstanceRunningTheMigrationKilled_TheOtherFinishesItAndNothingIsDoneTwice()
    {
        var log = new StringWriter();
        var report = await CrashRun.RunAsync(CrashRunSettings.InstancesShortRun, log, CancellationToken.None);
        output.WriteLine(log.ToString());
        output.WriteLine(report.ToString());

        var summary = log + report.ToString();
        Assert.Equal(CrashRunSettings.InstancesShortRun.Runs, report.Killed.Count());
        Assert.All(report.Killed, r => Assert.Equal(StorageKind.Blob, r.Storage));
        Assert.All(report.Runs, r => Assert.Equal(MigrationState.Completed, r.FinalState));
        Assert.True(report.Runs.Sum(r => r.DuplicatePurchases + r.DoubleSuspensions + r.DuplicateSummaries) == 0, summary);
        Assert.True(report.Runs.Sum(r => r.UsersWithoutNewLicence + r.UsersStillOnKaizalaPro + r.StaleProgressCards) == 0, summary);
        Assert.True(report.Passed, summary);
    }
}
