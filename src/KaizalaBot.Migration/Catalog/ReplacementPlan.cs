namespace KaizalaBot.Migration.Catalog;

/// <summary>
/// One plan a Kaizala Pro customer may move to. How to buy it is the product and SKU only: the availability (and so
/// the catalog item id) is resolved just before the purchase, because Partner Center changes it (reference §4.2).
/// </summary>
public sealed record ReplacementPlan
{
    /// <summary>Stable key of the plan in this catalogue and in configuration (e.g. <c>m365-business-basic</c>).</summary>
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required PlanFamily Family { get; init; }

    /// <summary>Partner Center target segment: <c>commercial</c> or <c>education</c>.</summary>
    public required string Segment { get; init; }

    public int MinimumSeats { get; init; } = 1;

    /// <summary>Seats one subscription may hold; null when Partner Center publishes no limit for the plan.</summary>
    public int? MaximumSeats { get; init; }

    /// <summary>The Entra skuId: what licence updates assign and what subscribed SKUs report.</summary>
    public required string SkuId { get; init; }

    public required string SkuPartNumber { get; init; }

    public required string ProductId { get; init; }

    public required string SkuCode { get; init; }

    /// <summary>Lower is cheaper/simpler within a family: the recommendation proposes the lowest rank first.</summary>
    public int Rank { get; init; }

    /// <summary>What the plan adds over Kaizala Pro, in words a seller can repeat to the customer.</summary>
    public IReadOnlyList<LocalizedText> Advantages { get; init; } = [];

    public bool AllowsSeats(int seats) => seats >= MinimumSeats && (MaximumSeats is null || seats <= MaximumSeats);
}
