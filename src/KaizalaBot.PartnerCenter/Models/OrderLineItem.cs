namespace KaizalaBot.PartnerCenter.Models;

public sealed record OrderLineItem
{
    public int LineItemNumber { get; init; }

    public string? OfferId { get; init; }

    // The new subscription; may be absent until the order is provisioned (reference §5.2): look it up by order.
    public string? SubscriptionId { get; init; }

    public string? ParentSubscriptionId { get; init; }

    public string? TermDuration { get; init; }

    public string? TransactionType { get; init; }

    public string? FriendlyName { get; init; }

    public int Quantity { get; init; }

    public ResourceLinks? Links { get; init; }
}
