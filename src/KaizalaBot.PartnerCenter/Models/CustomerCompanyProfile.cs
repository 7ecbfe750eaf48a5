namespace KaizalaBot.PartnerCenter.Models;

public sealed record CustomerCompanyProfile
{
    public string? TenantId { get; init; }

    public string? Domain { get; init; }

    public string? CompanyName { get; init; }

    public string? Email { get; init; }

    public ResourceLinks? Links { get; init; }

    public ResourceAttributes? Attributes { get; init; }
}
