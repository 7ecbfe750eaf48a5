using KaizalaBot.Migration.Planning;

namespace KaizalaBot.Migration.Reminders;

/// <summary>
/// One reminder: a Kaizala Pro subscription that will lapse, for one occasion — a lead time crossed (<c>lead-30</c>),
/// the end passed (<c>expired</c>) or a snooze ended (<c>snooze-…</c>). (subscription, occasion, recipient) is sent once.
/// </summary>
public sealed record ReminderItem
{
    public required string CustomerId { get; init; }

    public string? CompanyName { get; init; }

    public required KaizalaSubscriptionSummary Subscription { get; init; }

    public required string Occasion { get; init; }

    /// <summary>
    /// Other occasions this reminder stands for, recorded with it: a snooze that ends when a new lead time is due comes
    /// back as one reminder, not two.
    /// </summary>
    public IReadOnlyList<string> Covers { get; init; } = [];

    /// <summary>The seller who took the customer, if any (the card says so).</summary>
    public string? OwnerName { get; init; }

    /// <summary>Identifies the reminder among a recipient's: <c>{subscription}/{occasion}</c>.</summary>
    public string Key => $"{Subscription.SubscriptionId.ToLowerInvariant()}/{Occasion}";
}
