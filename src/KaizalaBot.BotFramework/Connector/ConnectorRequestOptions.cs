using KaizalaBot.BotFramework.Diagnostics;

namespace KaizalaBot.BotFramework.Connector;

/// <summary>What <see cref="ConnectorClient"/> tells the handlers below it about each request.</summary>
internal static class ConnectorRequestOptions
{
    /// <summary>The send as the rate limiter sees it; absent for calls that are not sends (deletes).</summary>
    public static readonly HttpRequestOptionsKey<OutboundRequest> Outbound = new("KaizalaBot.Outbound");

    /// <summary>The deadline of the turn making the call; absent for background work.</summary>
    public static readonly HttpRequestOptionsKey<DateTimeOffset> Deadline = new("KaizalaBot.Deadline");

    /// <summary>The logical call's span and counters, which every attempt adds to.</summary>
    public static readonly HttpRequestOptionsKey<ConnectorCallTelemetry> Telemetry = new("KaizalaBot.ConnectorCall");

    public static DateTimeOffset? GetDeadline(HttpRequestMessage request) =>
        request.Options.TryGetValue(Deadline, out var deadline) ? deadline : null;
}
