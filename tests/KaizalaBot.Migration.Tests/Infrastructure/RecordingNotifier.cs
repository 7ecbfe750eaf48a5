using System.Collections.Concurrent;
using KaizalaBot.Migration.Jobs;
using KaizalaBot.Migration.Notifications;
using KaizalaBot.Migration.Planning;

namespace KaizalaBot.Migration.Tests.Infrastructure;

internal sealed class RecordingNotifier : IMigrationNotifier
{
    public ConcurrentQueue<MigrationProgress> Progress { get; } = new();

    public ConcurrentQueue<(MigrationRecord Migration, MigrationMessage Reason)> Attention { get; } = new();

    public ConcurrentQueue<MigrationRecord> Approvals { get; } = new();

    public ConcurrentQueue<MigrationRecord> Finished { get; } = new();

    public Task ProgressAsync(MigrationProgress progress, CancellationToken cancellationToken)
    {
        Progress.Enqueue(progress);
        return Task.CompletedTask;
    }

    public Task AttentionNeededAsync(MigrationRecord migration, MigrationMessage reason, CancellationToken cancellationToken)
    {
        Attention.Enqueue((migration, reason));
        return Task.CompletedTask;
    }

    public Task ApprovalRequestedAsync(MigrationRecord migration, CancellationToken cancellationToken)
    {
        Approvals.Enqueue(migration);
        return Task.CompletedTask;
    }

    public Task FinishedAsync(MigrationRecord migration, CancellationToken cancellationToken)
    {
        Finished.Enqueue(migration);
        return Task.CompletedTask;
    }
}
