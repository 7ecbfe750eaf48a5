namespace KaizalaBot.PartnerCenter.Models;

public sealed record ProductSku
{
    // The Entra skuId used in licence updates (reference §6.3).
    public required string Id { get; init; }

    public string? Name { get; init; }

    public string? SkuPartNumber { get; init; }

    public string? TargetType { get; init; }

    public LicenseGroupId? LicenseGroupId { get; init; }
}
