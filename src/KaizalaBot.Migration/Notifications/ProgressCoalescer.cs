namespace KaizalaBot.Migration.Notifications;

/// <summary>
/// Coalesces one migration's progress reports: the first goes out at once, later ones at most every
/// <c>interval</c>, and the last one is always delivered (on a timer of the injected <see cref="TimeProvider"/>, or by
/// <see cref="FlushAsync"/> at the end of a step). Sends never overlap.
/// </summary>
internal sealed class ProgressCoalescer : IAsyncDisposable
{
    private readonly Func<MigrationProgress, Task> _send;
    private readonly TimeProvider _time;
    private readonly TimeSpan _interval;
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _sending = new(1, 1);
    private readonly ITimer _timer;
    private MigrationProgress? _pending;
    private DateTimeOffset _lastSent = DateTimeOffset.MinValue;
    private bool _timerArmed;

    public ProgressCoalescer(Func<MigrationProgress, Task> send, TimeProvider time, TimeSpan interval)
    {
        _send = send;
        _time = time;
        _interval = interval;
        _timer = time.CreateTimer(_ => _ = FlushAsync(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public Task ReportAsync(MigrationProgress progress)
    {
        lock (_gate)
        {
            _pending = progress;
            var due = _lastSent + _interval - _time.GetUtcNow();
            if (due <= TimeSpan.Zero)
            {
                return FlushAsync();
            }

            if (!_timerArmed)
            {
                _timerArmed = true;
                _timer.Change(due, Timeout.InfiniteTimeSpan);
            }

            return Task.CompletedTask;
        }
    }

    /// <summary>Sends the pending report, if any, now.</summary>
    public async Task FlushAsync()
    {
        await _sending.WaitAsync();
        try
        {
            MigrationProgress? progress;
            lock (_gate)
            {
                progress = _pending;
                _pending = null;
                _timerArmed = false;
                if (progress is not null)
                {
                    _lastSent = _time.GetUtcNow();
                }
            }

            if (progress is not null)
            {
                await _send(progress);
            }
        }
        finally
        {
            _sending.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        // The semaphore is not disposed: a timer callback already under way may still wait on it.
        await _timer.DisposeAsync();
    }
}
