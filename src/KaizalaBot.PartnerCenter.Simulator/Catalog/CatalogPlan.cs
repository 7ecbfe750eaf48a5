using System.Collections.Immutable;

namespace KaizalaBot.PartnerCenter.Simulator.Catalog;

internal sealed record CatalogPlan
{
    public required string Title { get; init; }

    public required string SkuPartNumber { get; init; }

    /// <summary>The Entra skuId, which is <c>productSku.id</c> in /subscribedskus and what licenseupdates take.</summary>
    public required string SkuId { get; init; }

    public required string ProductId { get; init; }

    public required string SkuCode { get; init; }

    public required string AvailabilityId { get; init; }

    public string? LegacyOfferId { get; init; }

    /// <summary><c>commercial</c> or <c>education</c> (Partner Center targetSegment values).</summary>
    public required string Segment { get; init; }

    public required ImmutableArray<ServicePlanInfo> ServicePlans { get; init; }

    public bool IsPurchasable { get; init; } = true;

    /// <summary>Seats one subscription may hold: Microsoft 365 Business plans sell 1 to 300 (reference §4.2).</summary>
    public int MaximumQuantity { get; init; } = PlanCatalog.DefaultMaximumQuantity;

    /// <summary>True when the reference had no source for some id and the simulator invented one (prefix 5eed / SIM).</summary>
    public bool HasInventedIds { get; init; }

    public string CatalogItemId => $"{ProductId}:{SkuCode}:{AvailabilityId}";
}
