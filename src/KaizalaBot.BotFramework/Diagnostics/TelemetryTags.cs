namespace KaizalaBot.BotFramework.Diagnostics;

/// <summary>Attribute names (OpenTelemetry's where one exists, <c>kaizalabot.*</c> otherwise); the README lists them.</summary>
internal static class TelemetryTags
{
    public const string TurnKind = "kaizalabot.turn.kind";
    public const string ActivityType = "kaizalabot.activity.type";
    public const string ActivityName = "kaizalabot.activity.name";
    public const string ActivityId = "kaizalabot.activity.id";
    public const string ChannelId = "kaizalabot.channel.id";
    public const string ConversationId = "kaizalabot.conversation.id";
    public const string Outcome = "kaizalabot.turn.outcome";
    public const string Phase = "kaizalabot.turn.phase";
    public const string Attempts = "kaizalabot.turn.attempts";
    public const string ConnectorOperation = "kaizalabot.connector.operation";
    public const string Retries = "kaizalabot.connector.retries";
    public const string Throttled = "kaizalabot.connector.throttled";
    public const string ThrottleSource = "kaizalabot.throttle.source";
    public const string SendMode = "kaizalabot.send.mode";
    public const string ErrorType = "error.type";
    public const string StatusCode = "http.response.status_code";
}
