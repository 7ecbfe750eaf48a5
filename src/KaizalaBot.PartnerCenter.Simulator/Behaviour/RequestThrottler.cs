namespace KaizalaBot.PartnerCenter.Simulator.Behaviour;

/// <summary>Fixed one-minute windows per tenant id, the unit Partner Center publishes its limits in (reference §7).</summary>
internal sealed class RequestThrottler
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, (DateTimeOffset Start, int Count)> _windows = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Returns null when admitted, otherwise the whole seconds to wait (at least 1).</summary>
    public int? TryAcquire(string key, int limit, DateTimeOffset now)
    {
        if (limit <= 0)
        {
            return null;
        }

        lock (_gate)
        {
            if (!_windows.TryGetValue(key, out var window) || now - window.Start >= Window)
            {
                window = (now, 0);
            }

            if (window.Count >= limit)
            {
                _windows[key] = window;
                return Math.Max(1, (int)Math.Ceiling((window.Start + Window - now).TotalSeconds));
            }

            _windows[key] = (window.Start, window.Count + 1);
            return null;
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _windows.Clear();
        }
    }
}
