namespace KaizalaBot.PartnerCenter.Tests.Fakes;

// Microsoft.Extensions.TimeProvider.Testing is not on the feed: a small virtual clock whose timers fire
// only when the test advances it, so retry waits cost no real time.
internal sealed class ManualTimeProvider : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<ManualTimer> _timers = [];
    private DateTimeOffset _now;

    public ManualTimeProvider(DateTimeOffset start)
    {
        _now = start;
    }

    public event Action? TimerCreated;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        timer.Change(dueTime, period);
        TimerCreated?.Invoke();
        return timer;
    }

    public IReadOnlyList<TimeSpan> PendingDelays()
    {
        lock (_gate)
        {
            return _timers.Select(t => t.DueAt - _now).ToList();
        }
    }

    public void Advance(TimeSpan by)
    {
        List<ManualTimer> due;
        lock (_gate)
        {
            _now += by;
            due = _timers.Where(t => t.DueAt <= _now).ToList();
            foreach (var timer in due)
            {
                _timers.Remove(timer);
            }
        }

        foreach (var timer in due)
        {
            timer.Fire();
        }
    }

    // Waits (in real time, bounded) until some timer with a delay matching the predicate is pending.
    public async Task<TimeSpan> WaitForTimerAsync(Func<TimeSpan, bool> predicate)
    {
        for (var i = 0; i < 2000; i++)
        {
            var match = PendingDelays().Where(predicate).Cast<TimeSpan?>().FirstOrDefault();
            if (match is { } delay)
            {
                return delay;
            }

            await Task.Delay(5);
        }

        throw new TimeoutException("No matching timer was scheduled within 10 seconds.");
    }

    private void Schedule(ManualTimer timer, TimeSpan dueTime)
    {
        lock (_gate)
        {
            _timers.Remove(timer);
            if (dueTime != Timeout.InfiniteTimeSpan)
            {
                timer.DueAt = _now + dueTime;
                _timers.Add(timer);
            }
        }
    }

    private void Remove(ManualTimer timer)
    {
        lock (_gate)
        {
            _timers.Remove(timer);
        }
    }

    private sealed class ManualTimer(ManualTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        public DateTimeOffset DueAt { get; set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            owner.Schedule(this, dueTime);
            return true;
        }

        public void Fire() => callback(state);

        public void Dispose() => owner.Remove(this);

        public ValueTask DisposeAsync()
        {
            owner.Remove(this);
            return ValueTask.CompletedTask;
        }
    }
}
