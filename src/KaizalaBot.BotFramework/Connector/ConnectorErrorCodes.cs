namespace KaizalaBot.BotFramework.Connector;

/// <summary>The <see cref="ConnectorException.ErrorCode"/> values this client sets itself, when no answer from Teams carried one.</summary>
public static class ConnectorErrorCodes
{
    /// <summary>The serviceUrl's host may not be called; nothing was sent.</summary>
    public const string UntrustedServiceUrl = "UntrustedServiceUrl";

    /// <summary>The Bot Connector could not be reached.</summary>
    public const string NetworkError = "NetworkError";

    /// <summary>An attempt got no answer within <see cref="BotConnectorOptions.RequestTimeout"/>.</summary>
    public const string Timeout = "Timeout";

    /// <summary>
    /// Teams' rate limits (ours, or a <c>Retry-After</c>) allow the call only after the deadline of the turn making
    /// it; nothing was sent. <see cref="ConnectorException.RetryAfter"/> says when it would have been allowed.
    /// </summary>
    public const string Throttled = "Throttled";
}
