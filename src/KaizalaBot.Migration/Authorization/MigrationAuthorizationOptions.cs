namespace KaizalaBot.Migration.Authorization;

/// <summary>Who may start, approve or run a migration (<c>Migration:Authorization</c>, architecture §5).</summary>
public sealed record MigrationAuthorizationOptions
{
    /// <summary>The partner's Entra tenant id (GUID). Empty = <c>PartnerCenter:PartnerTenantId</c>.</summary>
    public string PartnerTenantId { get; init; } = "";

    /// <summary>Entra object ids of partner users allowed without a Partner Center role (e.g. local development).</summary>
    public IReadOnlyList<string> AllowedUsers { get; init; } = [];

    public string AdminAgentRoleName { get; init; } = "Admin Agent";

    public string SalesAgentRoleName { get; init; } = "Sales Agent";

    /// <summary>How long role members read from Partner Center are trusted before they are read again.</summary>
    public TimeSpan RoleCacheDuration { get; init; } = TimeSpan.FromMinutes(5);
}
