namespace KaizalaBot.PartnerCenter.Simulator.State;

internal sealed record RefreshTokenRecord
{
    public required string Token { get; init; }

    public required DateTimeOffset IssuedAt { get; init; }

    /// <summary>Set when the token was redeemed and replaced; it keeps working until this plus the grace period.</summary>
    public DateTimeOffset? RotatedAt { get; init; }
}
