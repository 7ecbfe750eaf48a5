namespace KaizalaBot.Migration.Planning;

/// <summary>A customer user as the "users to move" step lists them.</summary>
public sealed record CandidateUser
{
    public required string Id { get; init; }

    public string? UserPrincipalName { get; init; }

    public string? DisplayName { get; init; }

    public string? UsageLocation { get; init; }

    public required bool HoldsKaizala { get; init; }

    /// <summary>Entra skuIds of the user's other licences (kept by the move).</summary>
    public IReadOnlyList<string> OtherSkuIds { get; init; } = [];
}
