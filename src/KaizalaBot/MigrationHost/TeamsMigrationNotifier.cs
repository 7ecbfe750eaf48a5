using KaizalaBot.Migration.Jobs;
using KaizalaBot.Migration.Notifications;
using KaizalaBot.Migration.Planning;

namespace KaizalaBot.MigrationHost;

/// <summary>The engine's voice in Teams: every notice becomes card work for <see cref="MigrationCardSender"/>, never a wait.</summary>
internal sealed class TeamsMigrationNotifier(MigrationCardQueue queue) : IMigrationNotifier
{
    public Task ProgressAsync(MigrationProgress progress, CancellationToken cancellationToken) =>
        Enqueue(new MigrationCardJob(MigrationCardJobKind.Progress, progress.Migration.Id, progress));

    public Task AttentionNeededAsync(MigrationRecord migration, MigrationMessage reason, CancellationToken cancellationToken) =>
        Enqueue(new MigrationCardJob(MigrationCardJobKind.Attention, migration.Id));

    public Task ApprovalRequestedAsync(MigrationRecord migration, CancellationToken cancellationToken) =>
        Enqueue(new MigrationCardJob(MigrationCardJobKind.Approval, migration.Id));

    public Task FinishedAsync(MigrationRecord migration, CancellationToken cancellationToken) =>
        Enqueue(new MigrationCardJob(MigrationCardJobKind.Finished, migration.Id));

    private Task Enqueue(MigrationCardJob job)
    {
        queue.Enqueue(job);
        return Task.CompletedTask;
    }
}
