namespace KaizalaBot.PartnerCenter.Models;

public sealed record Customer
{
    public required string Id { get; init; }

    public string? CommerceId { get; init; }

    public CustomerCompanyProfile? CompanyProfile { get; init; }

    public CustomerPartnerRelationship RelationshipToPartner { get; init; }

    // Only present on get-by-id (reference §2.2).
    public bool? AllowDelegatedAccess { get; init; }

    public IReadOnlyList<string> CustomDomains { get; init; } = [];

    public string? AssociatedPartnerId { get; init; }

    public ResourceLinks? Links { get; init; }

    public ResourceAttributes? Attributes { get; init; }
}
