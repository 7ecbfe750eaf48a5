using System.Collections.Concurrent;
using KaizalaBot.Migration.Diagnostics;
using KaizalaBot.Storage.Leases;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KaizalaBot.Migration.Jobs;

/// <summary>
/// Claims runnable migrations and runs up to <c>MaxConcurrentMigrations</c> of them at once. A lease per migration
/// keeps two instances from running the same one; the record's claim and ETag stop a holder whose lease lapsed. The
/// host wraps <see cref="RunAsync"/> in a BackgroundService; tests drive <see cref="PollOnceAsync"/>. A migration whose
/// runs keep ending on an unexpected error, or pausing on an unwell Partner Center before any progress, is tried again
/// after a doubling delay (<c>MaxFailureBackoff</c> at most), not at every poll.
/// </summary>
public sealed partial class MigrationRunner(
    MigrationStore store, ILeaseManager leases, MigrationExecutor executor, RunnerSignal signal, IOptions<MigrationOptions> options,
    TimeProvider time, ILogger<MigrationRunner> logger, MigrationTelemetry telemetry)
{
    private readonly MigrationRunnerOptions _options = options.Value.Runner;
    private readonly ConcurrentDictionary<string, Task> _running = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RunFailures> _failures = new(StringComparer.Ordinal);

    /// <summary>This runner's identity in claims and logs.</summary>
    public string HolderId { get; } = $"{Environment.MachineName}/{Guid.NewGuid():N}";

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await PollOnceAsync(stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    // Stopping in the middle of a poll (a slow Blob listing): the runner ends as it does between polls. The
                    // runs the poll already started stop on the same token and resume from their recorded state.
                    break;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogPollFailed(ex);   // storage hiccup: the next poll tries again
                }

                await Task.WhenAny(Task.Delay(_options.PollInterval, time, stoppingToken), signal.WaitAsync(stoppingToken));
            }
        }
        finally
        {
            await WhenIdleAsync();
        }
    }

    /// <summary>
    /// Starts every runnable migration it can lease (up to the concurrency limit) whose failure back-off is over; returns
    /// how many it started.
    /// </summary>
    public async Task<int> PollOnceAsync(CancellationToken cancellationToken)
    {
        var started = 0;
        var now = time.GetUtcNow();
        var listed = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var id in store.ListRunnableAsync(cancellationToken))
        {
            // The whole listing is read even when nothing more can start: the failures of migrations it no longer lists
            // are forgotten below, which needs every runnable id.
            listed.Add(id);
            if (_running.Count >= _options.MaxConcurrentMigrations || _running.ContainsKey(id) || IsBackingOff(id, now))
            {
                continue;
            }

            var lease = await leases.TryAcquireAsync($"migration-{id}", _options.LeaseDuration, cancellationToken);
            if (lease is null)
            {
                continue;
            }

            var run = new TaskCompletionSource();
            _running[id] = run.Task;
            _ = RunOneAsync(id, lease, run, cancellationToken);
            started++;
        }

        ForgetFailuresNotIn(listed);
        return started;
    }

    /// <summary>Completes when every migration this runner started has stopped.</summary>
    public Task WhenIdleAsync() => Task.WhenAll(_running.Values);

    private async Task RunOneAsync(string id, ILease lease, TaskCompletionSource done, CancellationToken cancellationToken)
    {
        var run = telemetry.StartRun(id);
        try
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lease.LeaseLost);
            await Task.Yield();
            // The seller's card says when the migration is tried again: the time promised there is the one this runner keeps.
            DateTimeOffset? promised = null;
            var end = await executor.RunAsync(
                id, HolderId, progressed => (promised = time.GetUtcNow() + (progressed ? _options.PollInterval : BackoffAfter(FailuresOf(id) + 1))).Value,
                linked.Token);
            if (end == MigrationRunEnd.PausedWithoutProgress)
            {
                var failures = RecordFailure(id, promised);
                LogRunPaused(id, failures.Count, failures.NextAttemptAt);
            }
            else
            {
                _failures.TryRemove(id, out _);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var failures = RecordFailure(id, null);
            LogRunFailed(ex, id, failures.Count, failures.NextAttemptAt);
        }
        catch (OperationCanceledException)
        {
            // Stopping: the migration resumes from its recorded state. Whether it works is not known yet, so its failures
            // in a row neither grow nor end.
        }
        finally
        {
            run.Dispose();   // the span and the MigrationId scope end with the run, before it reports idle
            await ReleaseAsync(lease, id);
            _running.TryRemove(id, out _);
            done.TrySetResult();
        }
    }

    private bool IsBackingOff(string id, DateTimeOffset now) => _failures.TryGetValue(id, out var failures) && failures.NextAttemptAt > now;

    // Measured from the failure, not the run's start: a run that spent minutes in the client's own retries before it threw
    // still waits its whole delay (a paused run's time is the one its card promised, computed when Partner Center failed).
    // The poll cadence can add up to one PollInterval on top. Only this id's own run (one at a time: _running) records its
    // failures, so no update races with another.
    private RunFailures RecordFailure(string id, DateTimeOffset? nextAttemptAt)
    {
        var count = FailuresOf(id) + 1;
        return _failures[id] = new RunFailures(count, nextAttemptAt ?? time.GetUtcNow() + BackoffAfter(count));
    }

    private int FailuresOf(string id) => _failures.TryGetValue(id, out var failures) ? failures.Count : 0;

    // PollInterval × 2^(failures-1), capped; doubled step by step so that no count overflows the TimeSpan.
    private TimeSpan BackoffAfter(int failures)
    {
        var cap = _options.MaxFailureBackoff;
        var delay = _options.PollInterval < cap ? _options.PollInterval : cap;
        for (var n = 1; n < failures && delay < cap; n++)
        {
            delay = delay > cap / 2 ? cap : delay * 2;
        }

        return delay;
    }

    // A migration no longer runnable (finished, cancelled or taken to attention by another instance) will not be polled
    // again: its entry would only stay in memory for as long as the bot runs.
    private void ForgetFailuresNotIn(HashSet<string> runnable)
    {
        foreach (var id in _failures.Keys)
        {
            if (!runnable.Contains(id))
            {
                _failures.TryRemove(id, out _);
            }
        }
    }

    // Whatever releasing does, the run must end (leave _running, complete): otherwise this runner keeps the migration as
    // running and never polls it again while the bot runs (crash run 45). An unreleased lease only expires by itself.
    private async Task ReleaseAsync(ILease lease, string id)
    {
        try
        {
            await lease.DisposeAsync();
        }
        catch (Exception ex)
        {
            LogReleaseFailed(ex, id);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Releasing the lease of migration {MigrationId} failed; it expires by itself")]
    private partial void LogReleaseFailed(Exception exception, string migrationId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Looking for runnable migrations failed; trying again at the next poll")]
    private partial void LogPollFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Migration {MigrationId} made no progress before Partner Center failed ({ConsecutiveFailures} in a row); it resumes at the first poll from {NextAttemptAt}")]
    private partial void LogRunPaused(string migrationId, int consecutiveFailures, DateTimeOffset nextAttemptAt);

    [LoggerMessage(Level = LogLevel.Error,
        Message = "Migration {MigrationId} stopped on an unexpected error ({ConsecutiveFailures} in a row); it resumes at the first poll from {NextAttemptAt}")]
    private partial void LogRunFailed(Exception exception, string migrationId, int consecutiveFailures, DateTimeOffset nextAttemptAt);
}
