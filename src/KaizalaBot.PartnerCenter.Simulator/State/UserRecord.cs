namespace KaizalaBot.PartnerCenter.Simulator.State;

internal sealed record UserRecord
{
    public required string Id { get; init; }

    public required string UserPrincipalName { get; init; }

    public required string FirstName { get; init; }

    public required string LastName { get; init; }

    public required string DisplayName { get; init; }

    /// <summary>Null for users Entra cannot license (no usage location).</summary>
    public string? UsageLocation { get; init; }

    public IReadOnlyList<string> AssignedSkuIds { get; init; } = [];
}
