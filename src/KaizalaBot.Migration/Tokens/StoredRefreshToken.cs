namespace KaizalaBot.Migration.Tokens;

/// <summary>The rotated Secure Application Model refresh token as kept in storage.</summary>
internal sealed record StoredRefreshToken(string Token, DateTimeOffset SavedAt);
