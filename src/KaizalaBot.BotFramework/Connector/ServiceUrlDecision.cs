namespace KaizalaBot.BotFramework.Connector;

internal enum ServiceUrlDecision
{
    /// <summary>An allowed connector host and the bot has credentials: call it with the bearer token.</summary>
    SendWithToken,

    /// <summary>An allowed host, but no app id is configured (Development only): call it without a token.</summary>
    SendWithoutToken,

    /// <summary>Not an allowed host, or not a usable serviceUrl: never call it, with or without a token.</summary>
    Refuse,
}
