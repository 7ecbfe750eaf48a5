using System.Globalization;
using KaizalaBot.Migration.Jobs;

namespace KaizalaBot.Reliability;

/// <summary>
/// One run: the lane that ran it, when the bot was killed and in which step, how the migration ended after the restart
/// (none when the run did not end: <see cref="Error"/> says why), and the effects counted on the simulator (and through
/// the recording proxy) that must all be zero.
/// </summary>
public sealed record CrashRunResult(
    int Run,
    int Lane,
    StorageKind Storage,
    TimeSpan? KilledAfter,
    string StepAtKill,
    MigrationState? FinalState,
    TimeSpan Duration,
    int DuplicatePurchases,
    int UsersWithoutNewLicence,
    int UsersStillOnKaizalaPro,
    int DoubleSuspensions,
    int StaleProgressCards,
    int DuplicateSummaries,
    int PartnerCenterCalls,
    int FaultsSurvived,
    int ConnectorFaultsSurvived,
    string? Error = null,
    ReminderCounts? Reminders = null)
{
    public const string Header = "  run lane store    kill at step at kill                     final state            total s  dup nonew kaizal susp2 stale summ2  calls faults cfault";

    public bool Clean => FinalState == MigrationState.Completed
        && DuplicatePurchases == 0 && UsersWithoutNewLicence == 0 && UsersStillOnKaizalaPro == 0 && DoubleSuspensions == 0
        && StaleProgressCards == 0 && DuplicateSummaries == 0
        && Reminders is null or { Clean: true };

    /// <summary>A run that raised instead of ending: nothing counted, and not clean.</summary>
    public static CrashRunResult DidNotEnd(PlannedRun planned, TimeSpan? killedAfter, Exception error) =>
        new(planned.Run, planned.Lane, planned.Storage, killedAfter, "?", FinalState: null, TimeSpan.Zero, 0, 0, 0, 0, 0, 0, 0, 0, 0, error.GetType().Name);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{(Run == 0 ? "calib" : Run.ToString(CultureInfo.InvariantCulture)),5} {Lane,4} {Storage,-5} {(KilledAfter is { } k ? $"{k.TotalSeconds:F2} s" : "-"),9} {StepAtKill,-32} {FinalState?.ToString() ?? "did not end: " + Error,-22} {Duration.TotalSeconds,7:F1} {DuplicatePurchases,4} {UsersWithoutNewLicence,6} {UsersStillOnKaizalaPro,6} {DoubleSuspensions,5} {StaleProgressCards,5} {DuplicateSummaries,5} {PartnerCenterCalls,6} {FaultsSurvived,6} {ConnectorFaultsSurvived,6}{(Reminders is null ? "" : " " + Reminders)}");
}
