namespace KaizalaBot.Migration.Jobs;

public sealed record SuspensionProgress
{
    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? SuspendedAt { get; init; }

    /// <summary>Partner Center deprovisions a suspended subscription 120 days later (reference §3.4).</summary>
    public DateTimeOffset? DeprovisionOn { get; init; }

    /// <summary>True when the subscription was found suspended (by an earlier attempt or by someone else).</summary>
    public bool WasAlreadySuspended { get; init; }
}
