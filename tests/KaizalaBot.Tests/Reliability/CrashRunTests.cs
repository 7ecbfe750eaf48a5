using KaizalaBot.Migration.Jobs;
using KaizalaBot.Reliability;
using Xunit.Abstractions;

namespace KaizalaBot.Tests.Reliability;

/// <summary>
/// The short run of the crash harness, on every build: a calibration migration, then three migrations whose bot process
/// is killed (SIGKILL) at a seeded random moment and restarted on the same store (file twice, Blob on Azurite once),
/// shared by two lanes, each against a standalone simulator process of its own; the seller's chat is a recording
/// connector, where the last message must be the one summary. The long run is <c>dotnet run --project tests/KaizalaBot.Reliability -- crash</c>.
/// </summary>
public sealed class CrashRunTests(ITestOutputHelper output)
{
    [Fact]
    public async Task ShortRun_BotKilledMidMigrationAndRestarted_NothingBoughtTwiceEveryUserMovedNothingSuspendedTwiceSummaryShownOnce()
    {
        var log = new StringWriter();
        var report = await CrashRun.RunAsync(CrashRunSettings.ShortRun, log, CancellationToken.None);
        output.WriteLine(log.ToString());
        output.WriteLine(report.ToString());

        var summary = log + report.ToString();
        Assert.Equal(CrashRunSettings.ShortRun.Runs, report.Killed.Count());
        Assert.Contains(report.Killed, r => r.Storage == StorageKind.Blob);
        Assert.Equal([1, 2], report.Killed.Select(r => r.Lane).Distinct().Order());
        Assert.All(report.Runs, r => Assert.Equal(MigrationState.Completed, r.FinalState));
        Assert.True(report.Runs.Sum(r => r.DuplicatePurchases) == 0, summary);
        Assert.True(report.Runs.Sum(r => r.UsersWithoutNewLicence) == 0, summary);
        Assert.True(report.Runs.Sum(r => r.UsersStillOnKaizalaPro) == 0, summary);
        Assert.True(report.Runs.Sum(r => r.DoubleSuspensions) == 0, summary);
        Assert.True(report.Runs.Sum(r => r.StaleProgressCards) == 0, summary);
        Assert.True(report.Runs.Sum(r => r.DuplicateSummaries) == 0, summary);
        Assert.True(report.Passed, summary);
    }
}
