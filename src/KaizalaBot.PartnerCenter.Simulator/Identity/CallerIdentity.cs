namespace KaizalaBot.PartnerCenter.Simulator.Identity;

/// <summary>Who a validated access token speaks for: app-only (no user) or app+user (Secure Application Model).</summary>
internal sealed record CallerIdentity
{
    public required string ApplicationId { get; init; }

    public string? UserObjectId { get; init; }

    public string? UserPrincipalName { get; init; }

    public bool IsAppOnly => UserObjectId is null;
}
