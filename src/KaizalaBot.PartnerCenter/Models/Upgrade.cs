namespace KaizalaBot.PartnerCenter.Models;

public sealed record Upgrade
{
    public Offer? TargetOffer { get; init; }

    public UpgradeType UpgradeType { get; init; }

    public bool IsEligible { get; init; }

    public int Quantity { get; init; }

    public IReadOnlyList<UpgradeError> UpgradeErrors { get; init; } = [];

    public ResourceAttributes? Attributes { get; init; }
}
