namespace KaizalaBot.PartnerCenter.Models;

public sealed record OrderLineItem
{
    public int LineItemNumber { get; init; }

    public string? OfferId { get; init; }

    // The new subscription; may be present while the order is still pending (reference §5.2).
    public string? SubscriptionId { get; init; }

    public string? ParentSubscriptionId { get; init; }

    public string? TermDuration { get; init; }

    public string? TransactionType { get; init; }

    public string? FriendlyName { get; init; }

    public int Quantity { get; init; }

    public ResourceLinks? Links { get; init; }
}
