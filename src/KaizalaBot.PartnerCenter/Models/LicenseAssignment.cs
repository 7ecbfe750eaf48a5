namespace KaizalaBot.PartnerCenter.Models;

public sealed record LicenseAssignment
{
    public required string SkuId { get; init; }

    // Service-plan ids to disable for the user; null means none.
    public IReadOnlyList<string>? ExcludedPlans { get; init; }
}
