namespace KaizalaBot.PartnerCenter.Models;

public sealed record Offer
{
    public required string Id { get; init; }

    public string? Name { get; init; }

    public string? Description { get; init; }

    public int MinimumQuantity { get; init; }

    public int MaximumQuantity { get; init; }

    public int Rank { get; init; }

    public string? Uri { get; init; }

    public string? Locale { get; init; }

    public string? Country { get; init; }

    public OfferCategory? Category { get; init; }

    public IReadOnlyList<string> PrerequisiteOffers { get; init; } = [];

    public bool IsAddOn { get; init; }

    public bool IsAvailableForPurchase { get; init; }

    public BillingType Billing { get; init; }

    public IReadOnlyList<BillingCycleType> SupportedBillingCycles { get; init; } = [];

    public bool IsAutoRenewable { get; init; }

    public IReadOnlyList<string> UpgradeTargetOffers { get; init; } = [];

    public IReadOnlyList<string> ConversionTargetOffers { get; init; } = [];

    public string? SalesGroupId { get; init; }

    public bool IsTrial { get; init; }

    public bool HasAddOns { get; init; }

    public OfferProduct? Product { get; init; }

    public string? UnitType { get; init; }

    public ResourceLinks? Links { get; init; }

    public ResourceAttributes? Attributes { get; init; }
}
