namespace KaizalaBot.PartnerCenter.Simulator.State;

internal sealed record RefreshTokenRecord
{
    public required string Token { get; init; }

    public required DateTimeOffset IssuedAt { get; init; }

    /// <summary>Last redemption; the token expires <c>RefreshTokenInactivityLifetime</c> after this (or its issue).</summary>
    public DateTimeOffset? LastUsedAt { get; init; }
}
