using KaizalaBot.Migration.Planning;

namespace KaizalaBot.Migration.Expiry;

/// <summary>
/// One customer in the expiry index: its Kaizala Pro subscriptions as the last scan (or on-demand refresh) saw them.
/// Read through <see cref="ExpiryIndex"/>, whose answers carry <see cref="KaizalaSubscriptionSummary.DaysLeft"/> as of the
/// read, not as of the scan.
/// </summary>
public sealed record ExpiryIndexEntry
{
    public required string CustomerId { get; init; }

    public string? CompanyName { get; init; }

    public string? Domain { get; init; }

    /// <summary>Every Kaizala Pro subscription of the customer, whatever its status, earliest end date first.</summary>
    public required IReadOnlyList<KaizalaSubscriptionSummary> Subscriptions { get; init; }

    public required DateTimeOffset ScannedAt { get; init; }

    /// <summary>The full scan that wrote it, or null for an on-demand refresh.</summary>
    public string? ScanId { get; init; }

    /// <summary>Its place in the "most urgent first" listing, or null when it holds nothing to migrate any more.</summary>
    public string? OrderKey { get; init; }

    /// <summary>Subscriptions that will really lapse (auto-renew off) or already did, earliest end first.</summary>
    public IEnumerable<KaizalaSubscriptionSummary> Lapsing => Subscriptions.Where(s => s.WillLapse());
}
