using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace KaizalaBot.PartnerCenter.Diagnostics;

/// <summary>
/// The Partner Center client's traces and metrics, on <c>System.Diagnostics</c> only (the host picks the exporters): one
/// <see cref="ActivitySource"/> and one <see cref="Meter"/>, both named <see cref="Name"/>. A span per logical call
/// (every retry of it inside) carries the operation, the <c>MS-CorrelationId</c> and <c>MS-RequestId</c> sent, the
/// status and Partner Center's error code, so a trace leads straight to the ids Microsoft support asks for.
/// </summary>
public sealed class PartnerCenterTelemetry
{
    public const string Name = "KaizalaBot.PartnerCenter";

    internal const string CorrelationIdTag = "kaizalabot.partner_center.correlation_id";
    internal const string RequestIdTag = "kaizalabot.partner_center.request_id";
    internal const string OperationTag = "kaizalabot.partner_center.operation";
    internal const string ErrorCodeTag = "kaizalabot.partner_center.error_code";
    internal const string RetriesTag = "kaizalabot.partner_center.retries";
    internal const string ThrottledTag = "kaizalabot.partner_center.throttled";
    internal const string StatusCodeTag = "http.response.status_code";
    internal const string ErrorTypeTag = "error.type";

    // One per process, as System.Diagnostics intends: a listener subscribes by name, and an ActivitySource holds no state.
    internal static readonly ActivitySource Source = new(Name);

    /// <summary>Where the handlers below the client find the logical call (retries add to it).</summary>
    internal static readonly HttpRequestOptionsKey<PartnerCenterCallTelemetry> CallKey = new("KaizalaBot.PartnerCenter.Call");

    public PartnerCenterTelemetry(IMeterFactory meterFactory, TimeProvider time)
    {
        // From the container's factory: the meter lives as long as the container, and a test can observe just its own.
        var meter = meterFactory.Create(Name);
        Time = time;
        CallDuration = meter.CreateHistogram<double>(
            "kaizalabot.partner_center.call.duration", "s", "Partner Center calls, retries included, by operation, status and error.");
        Throttled = meter.CreateCounter<long>(
            "kaizalabot.partner_center.throttled", "{response}", "Partner Center answers 429 (each attempt), by operation.");
    }

    internal TimeProvider Time { get; }

    internal Histogram<double> CallDuration { get; }

    internal Counter<long> Throttled { get; }

    /// <summary>Starts the span and clock of one logical call; dispose it when the call is over.</summary>
    internal PartnerCenterCallTelemetry StartCall(string operation, HttpMethod method, Guid correlationId, Guid requestId)
    {
        var span = Source.StartActivity("partner_center " + operation, ActivityKind.Client);
        if (span is { IsAllDataRequested: true })
        {
            span.SetTag(OperationTag, operation);
            span.SetTag("http.request.method", method.Method);
            span.SetTag(CorrelationIdTag, correlationId.ToString());
            span.SetTag(RequestIdTag, requestId.ToString());
        }

        return new PartnerCenterCallTelemetry(this, span, operation, Time.GetTimestamp());
    }
}
