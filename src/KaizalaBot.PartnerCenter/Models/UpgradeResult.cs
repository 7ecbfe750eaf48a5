namespace KaizalaBot.PartnerCenter.Models;

public sealed record UpgradeResult
{
    public string? SourceSubscriptionId { get; init; }

    public string? TargetSubscriptionId { get; init; }

    public UpgradeType UpgradeType { get; init; }

    public IReadOnlyList<UpgradeError> UpgradeErrors { get; init; } = [];

    public IReadOnlyList<UserLicenseError> LicenseErrors { get; init; } = [];

    public ResourceAttributes? Attributes { get; init; }
}
