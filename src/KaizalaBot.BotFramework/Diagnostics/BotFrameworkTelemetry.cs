using System.Diagnostics;
using System.Diagnostics.Metrics;
using KaizalaBot.BotFramework.Builder;
using KaizalaBot.BotFramework.Schema;

namespace KaizalaBot.BotFramework.Diagnostics;

/// <summary>
/// The protocol layer's traces and metrics, on <c>System.Diagnostics</c> only (the host picks the exporters): one
/// <see cref="ActivitySource"/> and one <see cref="Meter"/>, both named <see cref="Name"/>. Spans: a turn (inbound or
/// proactive) and, beneath it, each connector call. Metrics: turns, turn latency, turn errors by kind, connector call
/// latency, throttled sends (Teams' 429s and our own limiter's refusals), and the background send queue.
/// </summary>
/// <remarks>
/// Request-derived values (ids, channel, invoke name) go on spans only, through <see cref="LogValue.Sanitize"/>; metric
/// tags are drawn from fixed sets, so no request can grow the number of time series.
/// </remarks>
public sealed class BotFrameworkTelemetry : IDisposable
{
    public const string Name = "KaizalaBot.BotFramework";

    // The tags' longest request-derived value: enough for Teams' ids, short enough for any backend's attribute limit.
    private const int MaxTagLength = 128;

    // One per process, as System.Diagnostics intends: a listener subscribes by name, and an ActivitySource holds no state.
    internal static readonly ActivitySource Source = new(Name);

    private static readonly HashSet<string> KnownActivityTypes = new(StringComparer.Ordinal)
    {
        ActivityTypes.Message, ActivityTypes.ConversationUpdate, ActivityTypes.InstallationUpdate, ActivityTypes.Invoke,
        ActivityTypes.Event, ActivityTypes.Typing, ActivityTypes.MessageReaction, ActivityTypes.MessageUpdate,
        ActivityTypes.MessageDelete, ActivityTypes.EndOfConversation,
    };

    private readonly Meter _meter;
    private readonly bool _ownsMeter;

    /// <param name="meterFactory">The host's factory (so tests can observe one container's meter); without it, a meter of its own.</param>
    /// <param name="time">The clock durations are measured on.</param>
    public BotFrameworkTelemetry(IMeterFactory? meterFactory = null, TimeProvider? time = null)
    {
        _ownsMeter = meterFactory is null;
        _meter = meterFactory?.Create(Name) ?? new Meter(Name);
        Time = time ?? TimeProvider.System;
        Turns = _meter.CreateCounter<long>("kaizalabot.turns", "{turn}", "Turns run, by kind, activity type and outcome.");
        TurnDuration = _meter.CreateHistogram<double>("kaizalabot.turn.duration", "s", "How long a turn took, lock wait and sends included.");
        TurnErrors = _meter.CreateCounter<long>("kaizalabot.turn.errors", "{error}", "Failed turns and sends, by kind of failure (error.type) and phase.");
        ConnectorCallDuration = _meter.CreateHistogram<double>(
            "kaizalabot.connector.call.duration", "s", "Bot Connector calls, retries and rate-limit waits included, by operation and result.");
        ConnectorThrottled = _meter.CreateCounter<long>(
            "kaizalabot.connector.throttled", "{send}", "Sends held back: Teams answered 429 (source teams) or our limiter refused before the turn's deadline (source local).");
        SendQueueDuration = _meter.CreateHistogram<double>(
            "kaizalabot.connector.queue.duration", "s", "Time a send waited for a rate-limit permit, by mode (turn or background).");
    }

    internal TimeProvider Time { get; }

    internal Counter<long> Turns { get; }

    internal Histogram<double> TurnDuration { get; }

    internal Counter<long> TurnErrors { get; }

    internal Histogram<double> ConnectorCallDuration { get; }

    internal Counter<long> ConnectorThrottled { get; }

    internal Histogram<double> SendQueueDuration { get; }

    /// <summary>Reports the sends waiting for a rate-limit permit (background sends queue rather than fail).</summary>
    internal void ObserveQueuedSends(Func<long> queued) =>
        _meter.CreateObservableUpDownCounter("kaizalabot.connector.queued_sends", queued, "{send}", "Sends waiting for a rate-limit permit now.");

    /// <summary>Starts the span and clock of one turn; dispose it when the turn is over.</summary>
    internal TurnTelemetry StartTurn(Schema.Activity activity, TurnKind kind)
    {
        var kindTag = kind == TurnKind.Inbound ? "inbound" : "proactive";
        var typeTag = activity.Type is { } type && KnownActivityTypes.Contains(type) ? type : "other";
        var span = Source.StartActivity(kind == TurnKind.Inbound ? "bot.turn" : "bot.proactive_turn", ActivityKind.Internal);
        if (span is { IsAllDataRequested: true })
        {
            span.SetTag(TelemetryTags.TurnKind, kindTag);
            span.SetTag(TelemetryTags.ActivityType, typeTag);
            span.SetTag(TelemetryTags.ActivityName, Bounded(activity.Name));
            span.SetTag(TelemetryTags.ChannelId, Bounded(activity.ChannelId));
            span.SetTag(TelemetryTags.ConversationId, Bounded(activity.Conversation?.Id));
            span.SetTag(TelemetryTags.ActivityId, Bounded(activity.Id));
        }

        return new TurnTelemetry(this, span, kindTag, typeTag, Time.GetTimestamp());
    }

    /// <summary>Starts the span and clock of one logical connector call (every attempt of it); dispose it when it is over.</summary>
    internal ConnectorCallTelemetry StartConnectorCall(string operation, HttpMethod method, string? serviceUrl)
    {
        var span = Source.StartActivity("connector " + operation, ActivityKind.Client);
        if (span is { IsAllDataRequested: true })
        {
            span.SetTag(TelemetryTags.ConnectorOperation, operation);
            span.SetTag("http.request.method", method.Method);
            span.SetTag("server.address", Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri) ? Bounded(uri.Host) : null);
        }

        return new ConnectorCallTelemetry(this, span, operation, Time.GetTimestamp());
    }

    /// <summary>A request-derived value as a span attribute: sanitised and bounded like a log value.</summary>
    internal static string? Bounded(string? value) => LogValue.Sanitize(value, MaxTagLength);

    public void Dispose()
    {
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }
}
