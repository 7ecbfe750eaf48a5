namespace KaizalaBot.BotFramework.Connector;

/// <summary>The bearer token the bot presents to the Bot Connector (reference §3).</summary>
public interface IBotTokenProvider
{
    /// <summary>
    /// Returns an access token for <c>https://api.botframework.com</c>, or null when no app id is configured (local
    /// development: calls go out without a token). <paramref name="forceRefresh"/> bypasses the token cache, used once
    /// after the connector answered 401.
    /// </summary>
    Task<string?> GetTokenAsync(bool forceRefresh, CancellationToken cancellationToken);
}
