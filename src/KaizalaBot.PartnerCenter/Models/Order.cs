namespace KaizalaBot.PartnerCenter.Models;

public sealed record Order
{
    public required string Id { get; init; }

    public string? AlternateId { get; init; }

    public string? ReferenceCustomerId { get; init; }

    public BillingCycleType? BillingCycle { get; init; }

    public string? CurrencyCode { get; init; }

    public string? CurrencySymbol { get; init; }

    public IReadOnlyList<OrderLineItem> LineItems { get; init; } = [];

    public DateTimeOffset? CreationDate { get; init; }

    // "unknown", "completed", "pending", "cancelled" (reference §5.2).
    public string? Status { get; init; }

    public string? TransactionType { get; init; }

    public decimal? TotalPrice { get; init; }

    public ResourceLinks? Links { get; init; }

    public ResourceAttributes? Attributes { get; init; }
}
