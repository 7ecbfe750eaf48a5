using KaizalaBot.Migration.Jobs;
using Microsoft.Extensions.Options;

namespace KaizalaBot.MigrationHost;

/// <summary>
/// Shows migrations in Teams, one job at a time, off every caller's path. At start it goes over the active and recent
/// migrations once, so a card, a summary or an approval request a stopped host never sent is shown now (the
/// once-only claims keep what was already posted from being posted again). While it runs it also shows, every
/// <see cref="ConversationOptions.NoticeRetryInterval"/>, the ends of migrations still owed to their sellers
/// (<see cref="MigrationStore.MarkNoticeOwedAsync"/>): another instance that ended one may have died before showing it.
/// </summary>
internal sealed partial class MigrationCardSender(
    MigrationCardQueue queue, MigrationCardPublisher publisher, MigrationService migrations, MigrationStore store,
    IOptions<ConversationOptions> options, TimeProvider time, ILogger<MigrationCardSender> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await SweepAsync(stoppingToken);
        await Task.WhenAll(SendAsync(stoppingToken), RetryOwedNoticesAsync(stoppingToken));
    }

    private async Task SendAsync(CancellationToken stoppingToken)
    {
        while (await queue.Reader.WaitToReadAsync(stoppingToken))
        {
            var batch = new List<MigrationCardJob>();
            while (queue.Reader.TryRead(out var job))
            {
                batch.Add(job);
            }

            foreach (var job in Coalesce(batch))
            {
                await PublishSafelyAsync(job, stoppingToken);
            }
        }
    }

    /// <summary>Progress drawn just before a later drawing of the same migration is not worth a call to Teams.</summary>
    internal static IEnumerable<MigrationCardJob> Coalesce(IReadOnlyList<MigrationCardJob> batch) =>
        batch.Where((job, index) => job.Kind != MigrationCardJobKind.Progress || !batch.Skip(index + 1).Any(later =>
            later.MigrationId == job.MigrationId
            && later.Kind is MigrationCardJobKind.Progress or MigrationCardJobKind.Attention or MigrationCardJobKind.Finished));

    private async Task SweepAsync(CancellationToken stoppingToken)
    {
        IReadOnlyList<MigrationRecord> recent;
        try
        {
            recent = await migrations.ListActiveAndRecentAsync(options.Value.RecentMigrations, stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogSweepFailed(ex);
            return;
        }

        foreach (var migration in recent.Where(m => m.ConversationReference is not null))
        {
            queue.Enqueue(new MigrationCardJob(
                EndShownBy(migration.State) ?? (migration.State == MigrationState.AwaitingApproval ? MigrationCardJobKind.Approval : MigrationCardJobKind.Progress),
                migration.Id));
        }
    }

    private async Task RetryOwedNoticesAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.NoticeRetryInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                // Owed for less than an interval: the instance that ended it is most likely showing it right now.
                var before = time.GetUtcNow() - options.Value.NoticeRetryInterval;
                await foreach (var notice in store.ListNoticesOwedAsync(stoppingToken))
                {
                    if (notice.Since <= before)
                    {
                        await EnqueueOwedAsync(notice.Id, stoppingToken);
                    }
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogOwedNoticesFailed(ex);
            }
        }
    }

    // Shown twice (a slow instance still at it) would only redraw the card: the summary and attention posts are claimed once.
    private async Task EnqueueOwedAsync(string migrationId, CancellationToken stoppingToken)
    {
        // A migration gone is shown as finished: the publisher finds nothing to show and settles the notice.
        var migration = await migrations.GetAsync(migrationId, stoppingToken);
        if ((migration is null ? MigrationCardJobKind.Finished : EndShownBy(migration.State)) is { } owed)
        {
            queue.Enqueue(new MigrationCardJob(owed, migrationId));
        }
        else
        {
            // Resumed since: running again, it will be shown as it goes and owe a new notice when it ends.
            await store.ClearNoticeOwedAsync(migrationId, stoppingToken);
        }
    }

    /// <summary>The job that shows a migration's end in this state, or null while it has not ended.</summary>
    private static MigrationCardJobKind? EndShownBy(MigrationState state) => state switch
    {
        _ when state.IsTerminal() => MigrationCardJobKind.Finished,
        MigrationState.NeedsAttention => MigrationCardJobKind.Attention,
        _ => null,
    };

    // The boundary of the sender's loop: one job failing (storage, an unexpected answer) must not stop the others.
    private async Task PublishSafelyAsync(MigrationCardJob job, CancellationToken stoppingToken)
    {
        try
        {
            await publisher.PublishAsync(job, stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogJobFailed(ex, job.Kind, job.MigrationId);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Showing {Kind} of migration {MigrationId} in Teams failed")]
    private partial void LogJobFailed(Exception exception, MigrationCardJobKind kind, string migrationId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Looking for migration notices owed to sellers failed; trying again at the next interval")]
    private partial void LogOwedNoticesFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "The start-up sweep of recent migrations failed; their cards update with their next change")]
    private partial void LogSweepFailed(Exception exception);
}
