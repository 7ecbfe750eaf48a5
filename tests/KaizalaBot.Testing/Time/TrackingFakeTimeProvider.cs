using Microsoft.Extensions.Time.Testing;

namespace KaizalaBot.Testing.Time;

/// <summary>
/// <see cref="FakeTimeProvider"/> that also tells the test which timers are pending, so a test waits for "the component
/// reached its next delay" on an event (a timer being scheduled) instead of sleeping or polling the real clock.
/// </summary>
/// <remarks>
/// Time still moves only through <see cref="FakeTimeProvider.Advance"/> and <see cref="FakeTimeProvider.SetUtcNow"/>;
/// this class only wraps the timers FakeTimeProvider creates, to see them scheduled, fired and disposed.
/// </remarks>
public sealed class TrackingFakeTimeProvider : FakeTimeProvider
{
    /// <summary>A fixed, realistic start (FakeTimeProvider's own default is the year 2000).</summary>
    public static readonly DateTimeOffset DefaultStart = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    // A deadlock or a missing timer fails the test after this long instead of hanging the run.
    private static readonly TimeSpan DefaultWaitLimit = TimeSpan.FromSeconds(30);

    private readonly Lock _gate = new();
    private readonly List<TrackedTimer> _pending = [];
    private readonly List<TimeSpan> _requestedDelays = [];
    private TaskCompletionSource _changed = NewSignal();

    public TrackingFakeTimeProvider()
        : this(DefaultStart)
    {
    }

    public TrackingFakeTimeProvider(DateTimeOffset start)
        : base(start)
    {
    }

    /// <summary>Every finite delay a component asked for (timer creation or change), in order.</summary>
    public IReadOnlyList<TimeSpan> RequestedDelays
    {
        get
        {
            lock (_gate)
            {
                return [.. _requestedDelays];
            }
        }
    }

    public int PendingTimerCount
    {
        get
        {
            lock (_gate)
            {
                return _pending.Count;
            }
        }
    }

    /// <summary>How far in the future each pending timer is due.</summary>
    public IReadOnlyList<TimeSpan> PendingDelays()
    {
        var now = GetUtcNow();
        lock (_gate)
        {
            return [.. _pending.Select(t => t.DueAt - now)];
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var tracked = new TrackedTimer(this);

        // Created disarmed, so the wrapper is complete before the first callback can run.
        tracked.Attach(base.CreateTimer(
            s =>
            {
                tracked.OnFired();
                callback(s);
            },
            state,
            Timeout.InfiniteTimeSpan,
            Timeout.InfiniteTimeSpan));
        tracked.Change(dueTime, period);
        return tracked;
    }

    /// <summary>Waits (event-driven, bounded in real time) until a pending timer's delay matches; returns that delay.</summary>
    public Task<TimeSpan> WaitForTimerAsync(Func<TimeSpan, bool> predicate, TimeSpan? limit = null)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        return WaitUntilAsync(
            () => PendingDelays().Where(predicate).Cast<TimeSpan?>().FirstOrDefault(),
            "a pending timer matching the predicate",
            limit);
    }

    /// <summary>Waits (event-driven, bounded in real time) until at least <paramref name="count"/> timers are pending.</summary>
    public Task WaitForTimersAsync(int count, TimeSpan? limit = null) =>
        WaitUntilAsync(() => PendingTimerCount >= count ? (TimeSpan?)TimeSpan.Zero : null, $"{count} pending timer(s)", limit);

    /// <summary>
    /// Lets <paramref name="task"/> run, jumping the clock to each pending timer due within <paramref name="maxStep"/>
    /// (retry delays) but never to farther ones (a request timeout must not fire while real I/O is in flight).
    /// </summary>
    public async Task<T> RunAsync<T>(Task<T> task, TimeSpan maxStep, TimeSpan? limit = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        using var bound = new CancellationTokenSource(limit ?? DefaultWaitLimit);
        while (!task.IsCompleted)
        {
            Task changed;
            lock (_gate)
            {
                changed = _changed.Task;
            }

            if (PendingDelays().Where(d => d <= maxStep).Cast<TimeSpan?>().Min() is { } next)
            {
                Advance(next > TimeSpan.Zero ? next : TimeSpan.Zero);
                continue;
            }

            try
            {
                await Task.WhenAny(task, changed).WaitAsync(bound.Token);
            }
            catch (OperationCanceledException) when (bound.IsCancellationRequested)
            {
                throw new TimeoutException($"The task did not complete within {limit ?? DefaultWaitLimit} of real time.");
            }
        }

        return await task;
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private async Task<TimeSpan> WaitUntilAsync(Func<TimeSpan?> probe, string what, TimeSpan? limit)
    {
        using var bound = new CancellationTokenSource(limit ?? DefaultWaitLimit);
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                changed = _changed.Task;
            }

            if (probe() is { } found)
            {
                return found;
            }

            try
            {
                await changed.WaitAsync(bound.Token);
            }
            catch (OperationCanceledException) when (bound.IsCancellationRequested)
            {
                throw new TimeoutException(
                    $"Waited {limit ?? DefaultWaitLimit} of real time for {what}; pending delays: [{string.Join(", ", PendingDelays())}].");
            }
        }
    }

    private void Signal()
    {
        TaskCompletionSource previous;
        lock (_gate)
        {
            previous = _changed;
            _changed = NewSignal();
        }

        previous.TrySetResult();
    }

    // A timer is reported pending only once FakeTimeProvider has armed it: a test woken by the report may Advance at
    // once, and advancing before the inner timer is armed would leave it due in the future forever.
    private sealed class TrackedTimer(TrackingFakeTimeProvider owner) : ITimer
    {
        private ITimer _inner = null!;
        private TimeSpan _period;
        private bool _firedWhileArming;

        public DateTimeOffset DueAt { get; private set; }

        public void Attach(ITimer inner) => _inner = inner;

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            var now = owner.GetUtcNow();
            lock (owner._gate)
            {
                owner._pending.Remove(this);
                _period = period;
                _firedWhileArming = false;
                if (dueTime != Timeout.InfiniteTimeSpan)
                {
                    owner._requestedDelays.Add(dueTime);
                }
            }

            // A zero due time fires inside this call, before the timer could be reported.
            var changed = _inner.Change(dueTime, period);
            lock (owner._gate)
            {
                if (!_firedWhileArming && dueTime != Timeout.InfiniteTimeSpan)
                {
                    DueAt = now + dueTime;
                    owner._pending.Add(this);
                }
                else if (_firedWhileArming && IsPeriodic)
                {
                    DueAt = now + _period;
                    owner._pending.Add(this);
                }
            }

            owner.Signal();
            return changed;
        }

        public void OnFired()
        {
            lock (owner._gate)
            {
                if (!owner._pending.Remove(this))
                {
                    _firedWhileArming = true;
                }
                else if (IsPeriodic)
                {
                    DueAt += _period;
                    owner._pending.Add(this);
                }
            }

            owner.Signal();
        }

        public void Dispose()
        {
            Forget();
            _inner.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Forget();
            return _inner.DisposeAsync();
        }

        private bool IsPeriodic => _period != Timeout.InfiniteTimeSpan && _period > TimeSpan.Zero;

        private void Forget()
        {
            lock (owner._gate)
            {
                owner._pending.Remove(this);
            }

            owner.Signal();
        }
    }
}
