namespace KaizalaBot.PartnerCenter.Models;

// Assign and remove in one call so a user never sits between plans (reference §6.4).
public sealed record LicenseUpdate
{
    public IReadOnlyList<LicenseAssignment> LicensesToAssign { get; init; } = [];

    public IReadOnlyList<string> LicensesToRemove { get; init; } = [];

    public IReadOnlyList<LicenseWarning> LicenseWarnings { get; init; } = [];

    public ResourceAttributes? Attributes { get; init; }
}
