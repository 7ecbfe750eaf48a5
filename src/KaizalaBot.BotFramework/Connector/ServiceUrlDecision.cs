namespace KaizalaBot.BotFramework.Connector;

internal enum ServiceUrlDecision
{
    /// <summary>A trusted connector host: call it with the bearer token.</summary>
    SendWithToken,

    /// <summary>No app id configured (local development): call any host, never with a token.</summary>
    SendWithoutToken,

    /// <summary>An app id is configured and the host is not trusted: do not call it at all.</summary>
    Refuse,
}
