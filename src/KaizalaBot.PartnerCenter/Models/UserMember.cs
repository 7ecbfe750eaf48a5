namespace KaizalaBot.PartnerCenter.Models;

public sealed record UserMember
{
    public required string Id { get; init; }

    public string? UserPrincipalName { get; init; }

    public string? DisplayName { get; init; }

    public string? RoleId { get; init; }

    public ResourceAttributes? Attributes { get; init; }
}
