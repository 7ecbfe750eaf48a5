namespace KaizalaBot.PartnerCenter.Models;

public sealed record SubscriptionProvisioningStatus
{
    public string? SkuId { get; init; }

    // "success", "pending" or "failed" (reference §3.1).
    public string? Status { get; init; }

    public int Quantity { get; init; }

    public DateTimeOffset? EndDate { get; init; }

    public ResourceAttributes? Attributes { get; init; }
}
