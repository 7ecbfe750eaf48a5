namespace KaizalaBot.PartnerCenter.Models;

public sealed record OrderLineItemProvisioningStatus
{
    public int LineItemNumber { get; init; }

    // "Fulfilled", "Unfulfilled", "PrefulfillmentPending" (reference §5.3).
    public string? Status { get; init; }

    public IReadOnlyList<QuantityProvisioningInformation> QuantityProvisioningInformation { get; init; } = [];

    public ResourceAttributes? Attributes { get; init; }
}
