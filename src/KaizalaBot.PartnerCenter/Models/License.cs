namespace KaizalaBot.PartnerCenter.Models;

public sealed record License
{
    public required ProductSku ProductSku { get; init; }

    public IReadOnlyList<ServicePlan> ServicePlans { get; init; } = [];

    public ResourceAttributes? Attributes { get; init; }
}
