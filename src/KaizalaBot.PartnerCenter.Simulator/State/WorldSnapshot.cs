namespace KaizalaBot.PartnerCenter.Simulator.State;

/// <summary>
/// The state file. Customers are not stored: they are regenerated from the seed, so the file only holds tenants that
/// were touched (lazy materialisation keeps a 10,000-customer partner cheap).
/// </summary>
internal sealed record WorldSnapshot
{
    public required int Seed { get; init; }

    public required int CustomerCount { get; init; }

    public required int KaizalaCustomerCount { get; init; }

    public required DateTimeOffset GeneratedAt { get; init; }

    public required IReadOnlyList<TenantSnapshot> Tenants { get; init; }

    public required IReadOnlyList<RefreshTokenRecord> RefreshTokens { get; init; }
}
