using System.Globalization;
using System.Text;
using KaizalaBot.Migration.Jobs;

namespace KaizalaBot.Reliability;

/// <summary>
/// All runs of a crash harness invocation, sorted by run whatever lane ran them: the table with its totals, the steps
/// the kills hit, and the verdict; passed when every run ended clean.
/// </summary>
public sealed record CrashReport(int Seed, int Users, int FaultPercent, int Lanes, IReadOnlyList<CrashRunResult> Runs)
{
    public IEnumerable<CrashRunResult> Killed => Runs.Where(r => r.KilledAfter is not null);

    public bool Passed => Runs.Count > 0 && Runs.All(r => r.Clean);

    /// <summary>How many kills hit each step, the steps in the order the migration reaches them (by their earliest kill).</summary>
    public IReadOnlyList<(string Step, int Kills)> KillSteps =>
        [.. Killed.GroupBy(r => r.StepAtKill).OrderBy(g => g.Min(r => r.KilledAfter)).Select(g => (g.Key, g.Count()))];

    public override string ToString()
    {
        var table = new StringBuilder();
        table.AppendLine(CrashRunResult.Header);
        foreach (var run in Runs.OrderBy(r => r.Run))
        {
            table.AppendLine(run.ToString());
        }

        var completed = Runs.Count(r => r.FinalState == MigrationState.Completed);
        table.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"total {"",4} {"",5} {"",9} {"",-32} {$"{completed} of {Runs.Count} Completed",-22} {Runs.Sum(r => r.Duration.TotalSeconds),7:F0} {Runs.Sum(r => r.DuplicatePurchases),4} {Runs.Sum(r => r.UsersWithoutNewLicence),6} {Runs.Sum(r => r.UsersStillOnKaizalaPro),6} {Runs.Sum(r => r.DoubleSuspensions),5} {Runs.Sum(r => r.StaleProgressCards),5} {Runs.Sum(r => r.DuplicateSummaries),5} {Runs.Sum(r => r.PartnerCenterCalls),6} {Runs.Sum(r => r.FaultsSurvived),6} {Runs.Sum(r => r.ConnectorFaultsSurvived),6}"));
        if (KillSteps.Count > 0)
        {
            table.AppendLine("kills by step: " + string.Join(", ", KillSteps.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Step} {s.Kills}"))));
        }

        var killed = Killed.ToList();
        var notCompleted = Runs.Count - completed;
        table.Append(FormattableString.Invariant(
            $"seed {Seed}, {Lanes} lane(s), {Runs.Count} runs of a {Users}-user migration ({Runs.Count(r => r.Storage == StorageKind.Blob)} on Blob), {killed.Count} killed, {FaultPercent}% of Partner Center's and the connector's answers failed; not completed {notCompleted}, duplicate purchases {Runs.Sum(r => r.DuplicatePurchases)}, users without the new licence {Runs.Sum(r => r.UsersWithoutNewLicence)}, users still on Kaizala Pro {Runs.Sum(r => r.UsersStillOnKaizalaPro)}, double suspensions {Runs.Sum(r => r.DoubleSuspensions)}, progress cards left stale {Runs.Sum(r => r.StaleProgressCards)}, summaries posted twice {Runs.Sum(r => r.DuplicateSummaries)}{Reminders()}: {(Passed ? "PASSED" : "FAILED")}"));
        return table.ToString();
    }

    private string Reminders()
    {
        var counted = Runs.Select(r => r.Reminders).OfType<ReminderCounts>().ToList();
        return counted.Count == 0 ? "" : FormattableString.Invariant(
            $"; reminders due {counted.Sum(c => c.Due)}, delivered {counted.Sum(c => c.Delivered)}, twice {counted.Sum(c => c.Twice)}, missing {counted.Sum(c => c.Missing)}, shown but not due {counted.Sum(c => c.NotDue)} (headers left empty {counted.Sum(c => c.EmptyHeaders)}; reminder chats' calls failed {counted.Sum(c => c.Faults)}, answers lost {counted.Sum(c => c.LostAnswers)})");
    }
}
