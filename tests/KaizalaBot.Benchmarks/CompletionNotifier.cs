using System.Diagnostics;
using KaizalaBot.Migration.Jobs;
using KaizalaBot.Migration.Notifications;
using KaizalaBot.Migration.Planning;

namespace KaizalaBot.Benchmarks;

/// <summary>The benchmark's stand-in for the seller's cards: prints progress now and then and completes when the migration rests.</summary>
internal sealed class CompletionNotifier : IMigrationNotifier
{
    private static readonly TimeSpan PrintEvery = TimeSpan.FromSeconds(30);

    private readonly TaskCompletionSource<MigrationRecord> _rested = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _started = Stopwatch.GetTimestamp();
    private long _printed;

    /// <summary>The migration finished, or stopped for attention (the record says which).</summary>
    public Task<MigrationRecord> Rested => _rested.Task;

    public void Restart() => _started = _printed = Stopwatch.GetTimestamp();

    public Task ProgressAsync(MigrationProgress progress, CancellationToken cancellationToken)
    {
        if (Stopwatch.GetElapsedTime(Interlocked.Read(ref _printed)) >= PrintEvery)
        {
            Interlocked.Exchange(ref _printed, Stopwatch.GetTimestamp());
            Console.WriteLine($"  {Stopwatch.GetElapsedTime(_started).TotalSeconds,6:F0} s  {progress.Migration.State}: {progress.UsersMoved} of {progress.UsersTotal} users moved, {progress.UsersFailed} failed");
        }

        return Task.CompletedTask;
    }

    public Task AttentionNeededAsync(MigrationRecord migration, MigrationMessage reason, CancellationToken cancellationToken)
    {
        Console.WriteLine($"  the migration needs attention: {reason.Code} {string.Join(", ", reason.Arguments.Select(a => $"{a.Key}={a.Value}"))}");
        _rested.TrySetResult(migration);
        return Task.CompletedTask;
    }

    public Task ApprovalRequestedAsync(MigrationRecord migration, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task FinishedAsync(MigrationRecord migration, CancellationToken cancellationToken)
    {
        _rested.TrySetResult(migration);
        return Task.CompletedTask;
    }
}
