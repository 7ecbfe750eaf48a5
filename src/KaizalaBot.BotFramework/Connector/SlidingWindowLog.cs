namespace KaizalaBot.BotFramework.Connector;

/// <summary>
/// When the sends of one conversation or tenant were granted, oldest first, kept for the longest window only: enough to
/// say exactly, for every rule, whether one more may go now and otherwise how long it must wait. Times are offsets from
/// the limiter's creation. Not thread-safe: <see cref="TeamsRateLimiter"/> holds its lock around every call.
/// </summary>
internal sealed class SlidingWindowLog
{
    private TimeSpan[] _grants = new TimeSpan[4];
    private int _oldest;
    private int _count;

    /// <summary>Nothing may be sent before this time (Teams answered 429 with a <c>Retry-After</c>).</summary>
    public TimeSpan PausedUntil { get; private set; }

    /// <summary>No grant left in any window and no pause: dropping the log loses nothing.</summary>
    public bool IsIdle(TimeSpan now) => _count == 0 && PausedUntil <= now;

    public void Pause(TimeSpan until)
    {
        if (until > PausedUntil)
        {
            PausedUntil = until;
        }
    }

    public void Prune(TimeSpan now, TimeSpan longestWindow)
    {
        while (_count > 0 && now - _grants[_oldest] >= longestWindow)
        {
            _oldest = (_oldest + 1) % _grants.Length;
            _count--;
        }
    }

    /// <summary>How long one more send must wait to keep every rule (zero: it may go now).</summary>
    /// <param name="share">The part of each limit this sender may use (background work leaves room for the seller's turns).</param>
    public TimeSpan WaitFor(TimeSpan now, IReadOnlyList<RateLimitRule> rules, double share)
    {
        var wait = PausedUntil > now ? PausedUntil - now : TimeSpan.Zero;
        foreach (var rule in rules)
        {
            var limit = Math.Max(1, (int)(rule.Limit * share));
            if (_count < limit)
            {
                continue;
            }

            // With `limit` grants inside the window already, the next may go once the oldest of them leaves it.
            var oldestCounted = _grants[(_oldest + _count - limit) % _grants.Length];
            var free = oldestCounted + rule.Window - now;
            if (free > wait)
            {
                wait = free;
            }
        }

        return wait;
    }

    public void Record(TimeSpan now)
    {
        if (_count == _grants.Length)
        {
            var grown = new TimeSpan[_grants.Length * 2];
            for (var i = 0; i < _count; i++)
            {
                grown[i] = _grants[(_oldest + i) % _grants.Length];
            }

            _grants = grown;
            _oldest = 0;
        }

        _grants[(_oldest + _count) % _grants.Length] = now;
        _count++;
    }
}
