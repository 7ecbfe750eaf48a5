namespace KaizalaBot.PartnerCenter.Models;

public sealed record UpgradeError
{
    public UpgradeErrorCode Code { get; init; }

    public string? Description { get; init; }

    public string? AdditionalDetails { get; init; }

    public ResourceAttributes? Attributes { get; init; }
}
