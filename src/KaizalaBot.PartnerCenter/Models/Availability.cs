namespace KaizalaBot.PartnerCenter.Models;

public sealed record Availability
{
    public required string Id { get; init; }

    public string? ProductId { get; init; }

    public string? SkuId { get; init; }

    // {productId}:{skuId}:{availabilityId}; the availability part changes, so never store it (reference §4.2).
    public string? CatalogItemId { get; init; }

    public Currency? DefaultCurrency { get; init; }

    public string? Segment { get; init; }

    public string? Country { get; init; }

    public bool IsPurchasable { get; init; }

    public bool IsRenewable { get; init; }

    public IReadOnlyList<AvailabilityTerm> Terms { get; init; } = [];

    public ResourceLinks? Links { get; init; }

    public ResourceAttributes? Attributes { get; init; }
}
