namespace KaizalaBot.Migration.Jobs;

/// <summary>
/// Step A's breadcrumbs, each persisted before the Partner Center call that depends on it, so a resumed runner can
/// tell "not bought" from "bought, answer lost" (architecture §5).
/// </summary>
public sealed record PurchaseProgress
{
    /// <summary>Unique to the migration: how its order and subscription are found again (reconciliation).</summary>
    public string? FriendlyName { get; init; }

    /// <summary>The checkout's MS-RequestId, reused by every retry so Partner Center can de-duplicate it.</summary>
    public Guid? CheckoutRequestId { get; init; }

    public string? CartId { get; init; }

    public DateTimeOffset? CheckoutStartedAt { get; init; }

    public string? OrderId { get; init; }

    public string? SubscriptionId { get; init; }

    /// <summary>Add seats: the absolute quantity to reach, recorded before the PATCH so a repeat cannot add twice.</summary>
    public int? TargetQuantity { get; init; }

    /// <summary>Units of the target SKU in the tenant before the purchase; provisioning is done at baseline + bought.</summary>
    public int? BaselineUnits { get; init; }

    public int SeatsBought { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }

    public DateTimeOffset? ProvisionedAt { get; init; }
}
