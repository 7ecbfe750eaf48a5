namespace KaizalaBot.BotFramework.Tests.Support.Protocol;

/// <summary>
/// A virtual clock (Microsoft.Extensions.TimeProvider.Testing is not on the feed): time moves only through
/// <see cref="Advance"/>, which fires the timers that fall due, so delays and lifetimes are tested without waiting.
/// </summary>
internal sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<ManualTimer> _timers = [];
    private DateTimeOffset _now = start;

    public ManualTimeProvider()
        : this(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero))
    {
    }

    /// <summary>Every delay a component asked for, in order (timers created with a finite due time).</summary>
    public List<TimeSpan> RequestedDelays { get; } = [];

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    public void Advance(TimeSpan by)
    {
        List<ManualTimer> due;
        lock (_gate)
        {
            _now += by;
            due = _timers.Where(t => t.DueAt <= _now).ToList();
        }

        foreach (var timer in due)
        {
            timer.Fire();
        }
    }

    /// <summary>
    /// Lets <paramref name="task"/> run, jumping the clock to each pending timer due within <paramref name="maxStep"/>
    /// (retry delays), but never to farther ones (a request timeout must not fire while real I/O is in flight).
    /// </summary>
    public async Task<T> RunAsync<T>(Task<T> task, TimeSpan maxStep)
    {
        ArgumentNullException.ThrowIfNull(task);
        while (!task.IsCompleted)
        {
            DateTimeOffset? next;
            lock (_gate)
            {
                next = _timers.Count == 0 ? null : _timers.Min(t => t.DueAt);
            }

            if (next is { } due && due - GetUtcNow() <= maxStep)
            {
                Advance(due - GetUtcNow());
            }
            else
            {
                await Task.WhenAny(task, Task.Delay(5, CancellationToken.None));
            }
        }

        return await task;
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    private sealed class ManualTimer(ManualTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        public DateTimeOffset DueAt { get; private set; } = DateTimeOffset.MaxValue;

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (owner._gate)
            {
                owner._timers.Remove(this);
                if (dueTime == Timeout.InfiniteTimeSpan)
                {
                    DueAt = DateTimeOffset.MaxValue;
                    return true;
                }

                owner.RequestedDelays.Add(dueTime);
                DueAt = owner._now + dueTime;
                owner._timers.Add(this);
            }

            if (dueTime == TimeSpan.Zero)
            {
                Fire();
            }

            return true;
        }

        public void Fire()
        {
            lock (owner._gate)
            {
                if (!owner._timers.Remove(this))
                {
                    return;
                }

                DueAt = DateTimeOffset.MaxValue;
            }

            callback(state);
        }

        public void Dispose()
        {
            lock (owner._gate)
            {
                owner._timers.Remove(this);
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
