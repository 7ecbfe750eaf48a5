namespace KaizalaBot.MigrationHost;

/// <summary>
/// A once-only post an instance is sending now: <paramref name="Key"/> (e.g. <c>summary</c>) claimed at
/// <paramref name="At"/>. A claim older than <see cref="ConversationOptions.PostClaimLifetime"/> belongs to an instance
/// that died before it could say whether the post went out.
/// </summary>
public sealed record PostClaim(string Key, DateTimeOffset At);
