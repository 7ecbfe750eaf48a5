namespace KaizalaBot.Migration.Jobs;

/// <summary>Step B's counters, written at the end of each round; the per-user documents are the truth.</summary>
public sealed record LicenceProgress
{
    public int Moved { get; init; }

    public int Failed { get; init; }

    public int Pending { get; init; }

    public int Rounds { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }
}
