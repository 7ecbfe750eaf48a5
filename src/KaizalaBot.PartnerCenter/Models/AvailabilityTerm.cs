namespace KaizalaBot.PartnerCenter.Models;

public sealed record AvailabilityTerm
{
    public string? Id { get; init; }

    // ISO-8601 duration: P1M, P1Y, P3Y.
    public string? Duration { get; init; }

    public string? Description { get; init; }

    public BillingCycleType? BillingCycle { get; init; }
}
