namespace KaizalaBot.Migration.Expiry;

/// <summary>How the expiry scan reads Partner Center (<c>Expiry</c> section).</summary>
public sealed record ExpiryOptions
{
    public const string SectionName = "Expiry";

    /// <summary>Customers per page of <c>GET /customers</c> (Partner Center serves at most 1,000).</summary>
    public int PageSize { get; init; } = 500;

    /// <summary>Customers read at once.</summary>
    public int Concurrency { get; init; } = 8;

    /// <summary>
    /// The scan's Partner Center calls per minute across all customers, rounded down to whole calls per second. Partner
    /// Center throttles some reads per partner tenant without publishing the figure (throttling guidance), and a scan must
    /// leave room for the sellers' own turns and running migrations, which share that budget.
    /// </summary>
    public int RequestsPerMinute { get; init; } = 600;

    /// <summary>Build the index in the background at start-up when no scan has ever completed.</summary>
    public bool BuildAtStartup { get; init; } = true;
}
