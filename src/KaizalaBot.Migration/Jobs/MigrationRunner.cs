using System.Collections.Concurrent;
using KaizalaBot.Migration.Diagnostics;
using KaizalaBot.Storage.Leases;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KaizalaBot.Migration.Jobs;

/// <summary>
/// Claims runnable migrations and runs up to <c>MaxConcurrentMigrations</c> of them at once. A lease per migration
/// keeps two instances from running the same one; the record's claim and ETag stop a holder whose lease lapsed. The
/// host wraps <see cref="RunAsync"/> in a BackgroundService; tests drive <see cref="PollOnceAsync"/>.
/// </summary>
public sealed partial class MigrationRunner(
    MigrationStore store, ILeaseManager leases, MigrationExecutor executor, RunnerSignal signal, IOptions<MigrationOptions> options,
    TimeProvider time, ILogger<MigrationRunner> logger, MigrationTelemetry telemetry)
{
    private readonly MigrationRunnerOptions _options = options.Value.Runner;
    private readonly ConcurrentDictionary<string, Task> _running = new(StringComparer.Ordinal);

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

    /// <summary>Starts every runnable migration it can lease (up to the concurrency limit); returns how many it started.</summary>
    public async Task<int> PollOnceAsync(CancellationToken cancellationToken)
    {
        var started = 0;
        await foreach (var id in store.ListRunnableAsync(cancellationToken))
        {
            if (_running.Count >= _options.MaxConcurrentMigrations)
            {
                break;
            }

            if (_running.ContainsKey(id))
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
            await executor.RunAsync(id, HolderId, linked.Token);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogRunFailed(ex, id);
        }
        catch (OperationCanceledException)
        {
            // Stopping: the migration resumes from its recorded state.
        }
        finally
        {
            run.Dispose();   // the span and the MigrationId scope end with the run, before it reports idle
            await ReleaseAsync(lease, id);
            _running.TryRemove(id, out _);
            done.TrySetResult();
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

    [LoggerMessage(Level = LogLevel.Error, Message = "Migration {MigrationId} stopped on an unexpected error; it resumes at the next poll")]
    private partial void LogRunFailed(Exception exception, string migrationId);
}
