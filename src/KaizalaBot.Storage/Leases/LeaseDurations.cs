namespace KaizalaBot.Storage.Leases;

/// <summary>
/// The lease durations every lease manager accepts: the Blob service's own (15 to 60 whole seconds, or infinite), also
/// on the memory and file managers, so that a duration that passes in tests and on one machine works in production.
/// </summary>
public static class LeaseDurations
{
    public static readonly TimeSpan Minimum = TimeSpan.FromSeconds(15);

    public static readonly TimeSpan Maximum = TimeSpan.FromSeconds(60);

    /// <summary>
    /// A lease that never expires by itself. It outlives a crashed holder until broken by hand (a Blob lease through the
    /// portal or CLI, a file lease by deleting its file), so prefer a finite duration, which renewal keeps alive.
    /// </summary>
    public static readonly TimeSpan Infinite = Timeout.InfiniteTimeSpan;

    public static bool IsValid(TimeSpan duration) =>
        duration == Infinite
        || (duration >= Minimum && duration <= Maximum && duration.Ticks % TimeSpan.TicksPerSecond == 0);

    /// <summary>When a lease taken or renewed at <paramref name="from"/> for <paramref name="duration"/> lapses.</summary>
    internal static DateTimeOffset ExpiryFrom(DateTimeOffset from, TimeSpan duration) =>
        duration == Infinite ? DateTimeOffset.MaxValue : from + duration;

    /// <summary>Throws the one refusal every lease manager gives for a duration outside the limits.</summary>
    public static void ThrowIfInvalid(TimeSpan duration)
    {
        if (!IsValid(duration))
        {
            throw new ArgumentOutOfRangeException(
                nameof(duration), duration, "A lease lasts 15 to 60 whole seconds, or LeaseDurations.Infinite (the Blob service's limits).");
        }
    }
}
