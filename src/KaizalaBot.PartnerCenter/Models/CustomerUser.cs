namespace KaizalaBot.PartnerCenter.Models;

public sealed record CustomerUser
{
    public required string Id { get; init; }

    public string? UserPrincipalName { get; init; }

    public string? FirstName { get; init; }

    public string? LastName { get; init; }

    public string? DisplayName { get; init; }

    // Users without a usage location normally cannot receive licences (reference §6.1).
    public string? UsageLocation { get; init; }

    public UserDomainType UserDomainType { get; init; }

    public UserState State { get; init; }

    public string? ImmutableId { get; init; }

    public string? PhoneNumber { get; init; }

    public DateTimeOffset? LastDirectorySyncTime { get; init; }

    public DateTimeOffset? SoftDeletionTime { get; init; }

    public ResourceLinks? Links { get; init; }

    public ResourceAttributes? Attributes { get; init; }
}
