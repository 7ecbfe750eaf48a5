namespace KaizalaBot.PartnerCenter.Authentication;

internal sealed record CachedAccessToken(string AccessToken, DateTimeOffset RenewAt);
