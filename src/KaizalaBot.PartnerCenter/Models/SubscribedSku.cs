namespace KaizalaBot.PartnerCenter.Models;

public sealed record SubscribedSku
{
    public required ProductSku ProductSku { get; init; }

    // availableUnits = totalUnits - consumedUnits; totalUnits = activeUnits + warningUnits (reference §6.3).
    public int AvailableUnits { get; init; }

    public int ActiveUnits { get; init; }

    public int ConsumedUnits { get; init; }

    public int SuspendedUnits { get; init; }

    public int TotalUnits { get; init; }

    public int WarningUnits { get; init; }

    public IReadOnlyList<ServicePlan> ServicePlans { get; init; } = [];

    public string? CapabilityStatus { get; init; }

    public ResourceAttributes? Attributes { get; init; }
}
