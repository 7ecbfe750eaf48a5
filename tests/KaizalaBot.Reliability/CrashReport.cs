using KaizalaBot.Migration.Jobs;

namespace KaizalaBot.Reliability;

/// <summary>All runs of a crash harness invocation and their totals; passed when every killed run ended clean.</summary>
public sealed record CrashReport(int Seed, int Users, int FaultPercent, IReadOnlyList<CrashRunResult> Runs)
{
    public IEnumerable<CrashRunResult> Killed => Runs.Where(r => r.KilledAfter is not null);

    public bool Passed => Runs.Count > 0 && Runs.All(r => r.Clean);

    public override string ToString()
    {
        var killed = Killed.ToList();
        var notCompleted = Runs.Count(r => r.FinalState != MigrationState.Completed);
        return FormattableString.Invariant(
            $"seed {Seed}, {Runs.Count} runs of a {Users}-user migration ({Runs.Count(r => r.Storage == StorageKind.Blob)} on Blob), {killed.Count} killed, {FaultPercent}% of Partner Center's and the connector's answers failed; not completed {notCompleted}, duplicate purchases {Runs.Sum(r => r.DuplicatePurchases)}, users without the new licence {Runs.Sum(r => r.UsersWithoutNewLicence)}, users still on Kaizala Pro {Runs.Sum(r => r.UsersStillOnKaizalaPro)}, double suspensions {Runs.Sum(r => r.DoubleSuspensions)}, progress cards left stale {Runs.Sum(r => r.StaleProgressCards)}, summaries posted twice {Runs.Sum(r => r.DuplicateSummaries)}{Reminders()}: {(Passed ? "PASSED" : "FAILED")}");
    }

    private string Reminders()
    {
        var counted = Runs.Select(r => r.Reminders).OfType<ReminderCounts>().ToList();
        return counted.Count == 0 ? "" : FormattableString.Invariant(
            $"; reminders due {counted.Sum(c => c.Due)}, delivered {counted.Sum(c => c.Delivered)}, twice {counted.Sum(c => c.Twice)}, missing {counted.Sum(c => c.Missing)}, shown but not due {counted.Sum(c => c.NotDue)} (headers left empty {counted.Sum(c => c.EmptyHeaders)}; reminder chats' calls failed {counted.Sum(c => c.Faults)}, answers lost {counted.Sum(c => c.LostAnswers)})");
    }
}
