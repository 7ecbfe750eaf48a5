using System.Net;

namespace KaizalaBot.BotFramework.Connector;

/// <summary>
/// Every failed Bot Connector call: the HTTP status (null when no response came), the connector's error code and Teams
/// sub-code when the body had one, and the <c>X-Correlating-OperationId</c> to quote to Microsoft support.
/// </summary>
public sealed class ConnectorException : Exception
{
    // Teams' 403 codes meaning "this conversation will not take messages until the user re-engages" (reference §4.3).
    private static readonly HashSet<string> ConversationGoneCodes = new(StringComparer.OrdinalIgnoreCase)
    {
        "BotNotInConversationRoster",
        "ConversationBlockedByUser",
        "ForbiddenOperationException",
        "BotDisabledByAdmin",
    };

    public ConnectorException()
    {
    }

    public ConnectorException(string message)
        : base(message)
    {
    }

    public ConnectorException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public HttpStatusCode? StatusCode { get; init; }

    /// <summary><c>error.code</c> (e.g. <c>BotNotInConversationRoster</c>) or the numeric <c>errorCode</c> as text.</summary>
    public string? ErrorCode { get; init; }

    /// <summary>Teams' <c>subCode</c> (e.g. <c>MessageWritesBlocked</c>), found inside the JSON-encoded message.</summary>
    public string? SubCode { get; init; }

    /// <summary>The connector's own message text, for logs.</summary>
    public string? ConnectorMessage { get; init; }

    public string? CorrelationId { get; init; }

    /// <summary>Set on a 429 whose <c>Retry-After</c> was longer than the client waits by itself.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>
    /// True when Teams says the bot may no longer write to this conversation (uninstalled, blocked, disabled by the
    /// admin): callers drop the stored conversation reference instead of retrying.
    /// </summary>
    public bool IsConversationGone =>
        StatusCode == HttpStatusCode.Forbidden
        && ((ErrorCode is not null && ConversationGoneCodes.Contains(ErrorCode))
            || string.Equals(SubCode, "MessageWritesBlocked", StringComparison.OrdinalIgnoreCase));
}
