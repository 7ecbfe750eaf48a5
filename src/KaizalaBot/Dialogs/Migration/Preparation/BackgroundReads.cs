using System.Text.Json;
using KaizalaBot.BotFramework.Schema;
using KaizalaBot.Migration.Planning;
using KaizalaBot.MigrationHost;
using KaizalaBot.PartnerCenter;
using KaizalaBot.Storage;
using Microsoft.Extensions.Options;

namespace KaizalaBot.Dialogs.Migration.Preparation;

/// <summary>
/// Runs reads that cost one Partner Center call per user (1,500 users take minutes under the throttle, an invoke has
/// about 15 seconds) outside any turn, keeping their progress and result in storage under <c>conversation-reads/…</c>.
/// The first caller claims a read with an ETag write; others, on any instance, see its progress. A read whose host
/// stopped is taken over once it has not moved for <see cref="AbandonedAfter"/>.
/// </summary>
internal sealed partial class BackgroundReads(
    IStorage storage, TimeProvider time, LiveCards liveCards, IOptions<ConversationOptions> options, IHostApplicationLifetime lifetime,
    ILogger<BackgroundReads> logger)
{
    private readonly TimeProvider _time = time;

    public const string KeyPrefix = "conversation-reads/";

    // Longer than any single Partner Center call with its retries (Retry-After is honoured up to two minutes).
    internal static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(5);

    private readonly TimeSpan _interval = options.Value.LiveCardInterval;

    public async Task<PreparedRead<T>?> ReadAsync<T>(string key, CancellationToken cancellationToken) =>
        (await ReadDocumentAsync<T>(key, cancellationToken)).Read;

    /// <summary>
    /// The read under <paramref name="key"/>: reused while running, or when ready and finished at or after
    /// <paramref name="reuseFinishedSince"/> (null: never); otherwise (absent, failed, abandoned, older) started again in
    /// the background.
    /// </summary>
    public async Task<PreparedRead<T>> EnsureAsync<T>(
        string key, DateTimeOffset? reuseFinishedSince, Func<IProgress<UserReadProgress>, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        var (existing, eTag) = await ReadDocumentAsync<T>(key, cancellationToken);
        var now = _time.GetUtcNow();
        if (existing is { Status: PreparationStatus.Running } running && now - running.UpdatedAt < AbandonedAfter)
        {
            return running;
        }

        if (existing is { Status: PreparationStatus.Ready } ready && ready.UpdatedAt >= reuseFinishedSince)
        {
            return ready;
        }

        var claim = new PreparedRead<T> { Status = PreparationStatus.Running, StartedAt = now, UpdatedAt = now };
        string claimed;
        try
        {
            claimed = await storage.WriteAsync(key, Serialize(claim), eTag is null ? WriteCondition.CreateOnly : WriteCondition.IfMatch(eTag), cancellationToken);
        }
        catch (StorageConflictException)
        {
            // Another turn (here or on another instance) started it a moment ago: show theirs.
            return (await ReadAsync<T>(key, cancellationToken)) ?? claim;
        }

        LogStarted(key);

        // Not the turn's work: none of its context (its send deadline, its logging scope) may follow it.
        using (ExecutionContext.SuppressFlow())
        {
            _ = Task.Run(() => RunSafelyAsync(key, RunAsync(key, claimed, claim, work)), CancellationToken.None);
        }

        return claim;
    }

    // The boundary of work no caller awaits: whatever escapes is logged here instead of vanishing as an unobserved task.
    private async Task RunSafelyAsync(string key, Task work)
    {
        try
        {
            await work;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogCrashed(ex, key);
        }
    }

    private async Task RunAsync<T>(string key, string eTag, PreparedRead<T> claim, Func<IProgress<UserReadProgress>, CancellationToken, Task<T>> work)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(lifetime.ApplicationStopping);
        var writer = new ProgressWriter<T>(this, key, eTag, claim, stop);
        PreparedRead<T> final;
        try
        {
            var value = await work(writer, stop.Token);
            final = writer.Last with { Status = PreparationStatus.Ready, Value = value, UpdatedAt = _time.GetUtcNow() };
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The host is stopping, or another instance took the read over: it stays for whoever comes next.
            return;
        }
        catch (PartnerException ex)
        {
            LogFailed(key, ex.ErrorCode ?? ex.ErrorCategory.ToString());
            final = writer.Last with { Status = PreparationStatus.Failed, Failure = ex.ErrorCode ?? ex.ErrorCategory.ToString(), UpdatedAt = _time.GetUtcNow() };
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutException)
        {
            LogFailed(key, ex.GetType().Name);
            final = writer.Last with { Status = PreparationStatus.Failed, Failure = "transient", UpdatedAt = _time.GetUtcNow() };
        }

        await writer.FinishAsync(final);
    }

    private async Task<(PreparedRead<T>? Read, string? ETag)> ReadDocumentAsync<T>(string key, CancellationToken cancellationToken)
    {
        var stored = await storage.ReadAsync(key, cancellationToken);
        return stored is null ? (null, null) : (stored.Content.Deserialize<PreparedRead<T>>(BotJson.Options), stored.ETag);
    }

    private static JsonElement Serialize<T>(PreparedRead<T> read) => JsonSerializer.SerializeToElement(read, BotJson.Options);

    [LoggerMessage(Level = LogLevel.Information, Message = "Background read {Key} started")]
    private partial void LogStarted(string key);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Background read {Key} failed: {Failure}")]
    private partial void LogFailed(string key, string failure);

    [LoggerMessage(Level = LogLevel.Error, Message = "Background read {Key} stopped on an unexpected error")]
    private partial void LogCrashed(Exception exception, string key);

    [LoggerMessage(Level = LogLevel.Information, Message = "Background read {Key} was taken over elsewhere; this one stops")]
    private partial void LogTakenOver(string key);

    private async Task<string> WriteProgressAsync<T>(string key, PreparedRead<T> read, string eTag)
    {
        var written = await storage.WriteAsync(key, Serialize(read), WriteCondition.IfMatch(eTag), CancellationToken.None);
        liveCards.Signal(key);
        return written;
    }

    /// <summary>
    /// Writes progress at most every <c>LiveCardInterval</c>, one write after the other, under the read's ETag, and
    /// signals the cards watching it; losing the ETag means another instance took the read over, so this one stops.
    /// </summary>
    private sealed class ProgressWriter<T>(BackgroundReads owner, string key, string eTag, PreparedRead<T> claim, CancellationTokenSource stop)
        : IProgress<UserReadProgress>
    {
        private readonly Lock _gate = new();
        private string _eTag = eTag;
        private DateTimeOffset _lastWrite = claim.UpdatedAt;
        private Task _inFlight = Task.CompletedTask;

        public PreparedRead<T> Last { get; private set; } = claim;

        public void Report(UserReadProgress value)
        {
            lock (_gate)
            {
                var now = owner._time.GetUtcNow();
                Last = Last with { Done = value.Read, Total = value.Total, UpdatedAt = now };
                if (now - _lastWrite < owner._interval || !_inFlight.IsCompleted)
                {
                    return;
                }

                _lastWrite = now;
                _inFlight = owner.RunSafelyAsync(key, WriteAsync(Task.CompletedTask, Last));
            }
        }

        public Task FinishAsync(PreparedRead<T> final)
        {
            lock (_gate)
            {
                return _inFlight = WriteAsync(_inFlight, final);
            }
        }

        private async Task WriteAsync(Task previous, PreparedRead<T> read)
        {
            await previous;
            if (stop.IsCancellationRequested)
            {
                return;
            }

            try
            {
                _eTag = await owner.WriteProgressAsync(key, read, _eTag);
            }
            catch (StorageConflictException)
            {
                owner.LogTakenOver(key);
                await stop.CancelAsync();
            }
        }
    }
}
