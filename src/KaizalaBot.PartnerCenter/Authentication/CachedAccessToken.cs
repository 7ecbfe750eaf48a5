namespace KaizalaBot.PartnerCenter.Authentication;

internal sealed record CachedAccessToken(string AccessToken, DateTimeOffset RenewAt)
{
    /// <summary>The Authorization header's value, sent as is on every call while the token lasts.</summary>
    public string BearerHeader { get; } = "Bearer " + AccessToken;
}
