namespace KaizalaBot.PartnerCenter.Models;

public sealed record ServicePlan
{
    public required string Id { get; init; }

    public string? DisplayName { get; init; }

    public string? ServiceName { get; init; }

    public string? CapabilityStatus { get; init; }

    public string? TargetType { get; init; }
}
