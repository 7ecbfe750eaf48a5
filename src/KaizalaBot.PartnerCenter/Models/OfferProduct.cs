namespace KaizalaBot.PartnerCenter.Models;

// For Microsoft 365 legacy offers, Id is the Entra skuId used in licence updates (reference §4.1).
public sealed record OfferProduct
{
    public string? Id { get; init; }

    public string? Name { get; init; }

    public string? Unit { get; init; }
}
