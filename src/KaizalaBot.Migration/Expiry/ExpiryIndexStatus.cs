namespace KaizalaBot.Migration.Expiry;

/// <summary>
/// Where the index stands: whether a full scan ever completed (until then the conversation says the list is being built
/// and offers search by name), and the figures of the last one.
/// </summary>
public sealed record ExpiryIndexStatus
{
    public static ExpiryIndexStatus Empty { get; } = new();

    public DateTimeOffset? FirstCompletedAt { get; init; }

    public DateTimeOffset? LastStartedAt { get; init; }

    public DateTimeOffset? LastCompletedAt { get; init; }

    /// <summary>The last scan that completed.</summary>
    public string? LastScanId { get; init; }

    public int CustomersScanned { get; init; }

    public int KaizalaCustomers { get; init; }

    /// <summary>Customers the last scan could not read (their previous entries were kept).</summary>
    public int CustomersFailed { get; init; }

    /// <summary>A full scan has completed at least once: the listing covers every customer.</summary>
    public bool IsReady => FirstCompletedAt is not null;
}
