namespace KaizalaBot.PartnerCenter.Models;

public sealed record LicenseWarning
{
    public string? Code { get; init; }

    public string? Message { get; init; }

    public IReadOnlyList<string> ServicePlans { get; init; } = [];
}
