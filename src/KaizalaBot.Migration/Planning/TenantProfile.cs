namespace KaizalaBot.Migration.Planning;

/// <summary>What the recommendation needs to know about a customer.</summary>
public sealed record TenantProfile
{
    public required bool IsEducation { get; init; }

    public required int UsersToMove { get; init; }

    /// <summary>Share (0..1) of the tenant's licensed users on frontline plans.</summary>
    public double FrontlineShare { get; init; }

    public IReadOnlyList<HeldPlan> HeldPlans { get; init; } = [];
}
