namespace KaizalaBot.PartnerCenter.Models;

public sealed record UserLicenseError
{
    public string? UserObjectId { get; init; }

    public string? Name { get; init; }

    public string? Email { get; init; }

    public IReadOnlyList<ApiFault> Errors { get; init; } = [];
}
