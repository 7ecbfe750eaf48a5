using Azure;
using Microsoft.Extensions.Logging;

namespace KaizalaBot.Storage.Leases;

/// <summary>The <see cref="ILease"/> of every lease manager: renews through its <see cref="ILeaseStore"/> on a timer.</summary>
internal sealed partial class RenewingLease : ILease
{
    private readonly ILeaseStore _store;
    private readonly TimeSpan _duration;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _lost = new();
    private readonly CancellationTokenSource _stop = new();
    private DateTimeOffset _expiresAt;
    private Task _renewal = Task.CompletedTask;
    private int _disposed;

    private RenewingLease(
        ILeaseStore store, string name, string holderId, TimeSpan duration, DateTimeOffset expiresAt, TimeProvider timeProvider, ILogger logger)
    {
        _store = store;
        Name = name;
        HolderId = holderId;
        _duration = duration;
        _expiresAt = expiresAt;
        _timeProvider = timeProvider;
        _logger = logger;
        LeaseLost = _lost.Token;
    }

    public string Name { get; }

    public string HolderId { get; }

    public CancellationToken LeaseLost { get; }

    public static async Task<ILease?> TryAcquireAsync(
        ILeaseStore store, string name, TimeSpan duration, TimeProvider timeProvider, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        LeaseDurations.ThrowIfInvalid(duration);
        var holderId = Guid.NewGuid().ToString();

        // The expiry counts from before the request: the store's clock started no earlier than this.
        var requestedAt = timeProvider.GetUtcNow();
        if (!await store.TryAcquireAsync(name, holderId, duration, cancellationToken))
        {
            return null;
        }

        var lease = new RenewingLease(store, name, holderId, duration, LeaseDurations.ExpiryFrom(requestedAt, duration), timeProvider, logger);
        lease._renewal = lease.RenewLoopAsync();
        LogAcquired(logger, name, holderId, duration);
        return lease;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await StopRenewingAsync();
        if (!_lost.IsCancellationRequested)
        {
            try
            {
                await _store.ReleaseAsync(Name, HolderId, CancellationToken.None);
                LogReleased(_logger, Name, HolderId);
            }
            catch (Exception ex) when (IsTransient(ex))
            {
                // Not fatal: the lease expires by itself; the next holder only waits for that.
                LogReleaseFailed(_logger, ex, Name);
            }
        }

        await SignalLostAsync();
        _lost.Dispose();
        _stop.Dispose();
    }

    /// <summary>Stops renewing without releasing: what a crashed holder leaves behind (for takeover tests).</summary>
    internal Task AbandonAsync() => StopRenewingAsync();

    // Storage errors reach here only once the Blob client's own retries are spent. When every attempt failed without an
    // answer (refused, reset, timed out) the SDK throws them together as an AggregateException ("Retry failed after 5
    // tries"), a network timeout among them being a TaskCanceledException: an outage too. Crash run 45 met one in a
    // renewal, which ended the loop with no LeaseLost; disposing the lease then threw it again.
    private static bool IsTransient(Exception ex) => ex is AggregateException attempts
        ? attempts.InnerExceptions.All(e => e is OperationCanceledException || IsTransient(e))
        : ex is IOException or UnauthorizedAccessException or HttpRequestException or RequestFailedException or TimeoutException;

    private async Task StopRenewingAsync()
    {
        await _stop.CancelAsync();
        await _renewal;
    }

    // LeaseLost callbacks are the holder's code; one that throws must not fault the renewal loop (and so DisposeAsync).
    private async Task SignalLostAsync()
    {
        try
        {
            await _lost.CancelAsync();
        }
        catch (AggregateException ex)
        {
            LogLostCallbackFailed(_logger, ex, Name);
        }
    }

    private async Task RenewLoopAsync()
    {
        // An infinite lease needs no renewal to stay alive, but renewing still tells its holder when it was broken.
        var interval = (_duration == LeaseDurations.Infinite ? LeaseDurations.Minimum : _duration) / 3;
        var stopping = _stop.Token;
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, _timeProvider, stopping);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }

            var requestedAt = _timeProvider.GetUtcNow();
            bool renewed;
            try
            {
                renewed = await _store.RenewAsync(Name, HolderId, _duration, stopping);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (IsTransient(ex) || ex is OperationCanceledException)
            {
                if (_timeProvider.GetUtcNow() < _expiresAt)
                {
                    LogRenewalFailed(_logger, ex, Name);
                    continue;
                }

                LogLost(_logger, ex, Name, "renewals failed until it expired");
                await SignalLostAsync();
                return;
            }
            catch (Exception ex)
            {
                // Not a failure we know to be passing: the holder cannot count on the lease any more. Its work stops on
                // LeaseLost; a loop ended by an exception would leave that work running unguarded and make DisposeAsync throw.
                LogLost(_logger, ex, Name, "a renewal failed unexpectedly");
                await SignalLostAsync();
                return;
            }

            if (!renewed)
            {
                LogLost(_logger, null, Name, "another holder has it");
                await SignalLostAsync();
                return;
            }

            _expiresAt = LeaseDurations.ExpiryFrom(requestedAt, _duration);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Lease {LeaseName} acquired by {HolderId} for {Duration}")]
    private static partial void LogAcquired(ILogger logger, string leaseName, string holderId, TimeSpan duration);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Lease {LeaseName} released by {HolderId}")]
    private static partial void LogReleased(ILogger logger, string leaseName, string holderId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Releasing lease {LeaseName} failed; it will expire by itself")]
    private static partial void LogReleaseFailed(ILogger logger, Exception exception, string leaseName);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Renewing lease {LeaseName} failed; retrying before it expires")]
    private static partial void LogRenewalFailed(ILogger logger, Exception exception, string leaseName);

    [LoggerMessage(Level = LogLevel.Error, Message = "A LeaseLost callback of lease {LeaseName} threw")]
    private static partial void LogLostCallbackFailed(ILogger logger, Exception exception, string leaseName);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lease {LeaseName} lost: {Reason}")]
    private static partial void LogLost(ILogger logger, Exception? exception, string leaseName, string reason);
}
