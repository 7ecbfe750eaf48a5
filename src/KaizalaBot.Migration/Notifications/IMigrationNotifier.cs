using KaizalaBot.Migration.Jobs;
using KaizalaBot.Migration.Planning;

namespace KaizalaBot.Migration.Notifications;

/// <summary>
/// How the engine speaks to people; the host implements it (cards in Teams). The engine calls it after the state it
/// reports is stored, never inside a Partner Center call, and a failing notifier never fails a migration.
/// </summary>
public interface IMigrationNotifier
{
    /// <summary>
    /// Coalesced: at most once per <c>Runner:ProgressInterval</c> per migration, and always the last change. Also a run
    /// paused by Partner Center failing transiently: the record then carries <see cref="MigrationRecord.Outage"/> (reported
    /// when the pause starts and when what a card shows of it changes, its times to the minute), which the next progress
    /// saved clears.
    /// </summary>
    Task ProgressAsync(MigrationProgress progress, CancellationToken cancellationToken);

    /// <summary>The migration stopped in NeedsAttention; <paramref name="reason"/> says why and (its action text) what to do.</summary>
    Task AttentionNeededAsync(MigrationRecord migration, MigrationMessage reason, CancellationToken cancellationToken);

    /// <summary>A purchase waits for a partner Admin agent's approval.</summary>
    Task ApprovalRequestedAsync(MigrationRecord migration, CancellationToken cancellationToken);

    /// <summary>Completed, completed with failures, or cancelled: the summary is in the record.</summary>
    Task FinishedAsync(MigrationRecord migration, CancellationToken cancellationToken);
}
