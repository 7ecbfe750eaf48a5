namespace KaizalaBot.PartnerCenter.Tests.Fakes;

// A virtual clock shared by the client and the in-process simulator for end-to-end runs: any timer due
// within AutoFireLimit fires at once (moving the clock forward to its due time), so Retry-After waits,
// back-off and simulated latency cost no real time. Longer timers (the client's attempt timeout) never fire.
internal sealed class AutoAdvancingTimeProvider(DateTimeOffset start, TimeSpan autoFireLimit) : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly TimeSpan _autoFireLimit = autoFireLimit;
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new AutoTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    private void MoveTo(DateTimeOffset at)
    {
        lock (_gate)
        {
            if (at > _now)
            {
                _now = at;
            }
        }
    }

    private sealed class AutoTimer(AutoAdvancingTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        private int _generation;

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            var generation = Interlocked.Increment(ref _generation);
            if (dueTime == Timeout.InfiniteTimeSpan || dueTime > owner._autoFireLimit)
            {
                return true;
            }

            var dueAt = owner.GetUtcNow() + dueTime;
            _ = FireAsync(generation, dueAt, period);
            return true;
        }

        public void Dispose() => Interlocked.Increment(ref _generation);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }

        private async Task FireAsync(int generation, DateTimeOffset dueAt, TimeSpan period)
        {
            // A real pause of a millisecond keeps periodic timers from spinning and lets the caller finish
            // setting up before the callback runs, as with a real timer.
            await Task.Delay(1);
            if (Volatile.Read(ref _generation) != generation)
            {
                return;
            }

            owner.MoveTo(dueAt);
            callback(state);
            if (period > TimeSpan.Zero && period != Timeout.InfiniteTimeSpan && Volatile.Read(ref _generation) == generation)
            {
                await Task.Delay(10);
                _ = FireAsync(generation, owner.GetUtcNow() + period, period);
            }
        }
    }
}
