namespace KaizalaBot.PartnerCenter.Models;

// A role of the partner's own tenant (Admin agent, Sales agent, ...), from GET /v1/roles.
public sealed record DirectoryRole
{
    public required string Id { get; init; }

    public string? Name { get; init; }

    public ResourceAttributes? Attributes { get; init; }
}
