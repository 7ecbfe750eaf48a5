using System.Diagnostics;
using System.Net;

namespace KaizalaBot.BotFramework.Diagnostics;

/// <summary>
/// One logical Bot Connector call's span and measurements (all its attempts: retries, the 401 re-send, rate-limit
/// waits). The handlers below the client see it on the request (<c>ConnectorRequestOptions.Telemetry</c>) and count
/// attempts and throttling; the client says how the call ended; disposing records it.
/// </summary>
internal sealed class ConnectorCallTelemetry(BotFrameworkTelemetry owner, Activity? span, string operation, long started) : IDisposable
{
    private int _attempts;
    private bool _throttled;
    private int? _statusCode;
    private string? _errorType;

    /// <summary>An attempt leaves for the wire (or for the rate limiter before it).</summary>
    public void AttemptStarted() => _attempts++;

    /// <summary>Teams answered 429, or our limiter refused the send before the turn's deadline.</summary>
    public void Throttled(string source)
    {
        _throttled = true;
        owner.ConnectorThrottled.Add(1, new TagList { { TelemetryTags.ConnectorOperation, operation }, { TelemetryTags.ThrottleSource, source } });
    }

    /// <summary>The last answer's status.</summary>
    public void Answered(HttpStatusCode statusCode) => _statusCode = (int)statusCode;

    /// <summary>The call failed: Teams' error code, or one of <c>ConnectorErrorCodes</c>.</summary>
    public void Failed(string? errorCode) =>
        _errorType = BotFrameworkTelemetry.Bounded(errorCode) ?? (_statusCode is { } status ? status.ToString(System.Globalization.CultureInfo.InvariantCulture) : "unknown");

    public void Dispose()
    {
        var errorType = _errorType ?? (_statusCode is null ? "cancelled" : null);
        var tags = new TagList { { TelemetryTags.ConnectorOperation, operation } };
        if (_statusCode is { } status)
        {
            tags.Add(TelemetryTags.StatusCode, status);
        }

        if (errorType is not null)
        {
            tags.Add(TelemetryTags.ErrorType, errorType);
        }

        owner.ConnectorCallDuration.Record(owner.Time.GetElapsedTime(started).TotalSeconds, tags);
        if (span is null)
        {
            return;
        }

        span.SetTag(TelemetryTags.StatusCode, _statusCode);
        span.SetTag(TelemetryTags.Retries, Math.Max(_attempts - 1, 0));
        span.SetTag(TelemetryTags.Throttled, _throttled);
        if (errorType is not null)
        {
            span.SetTag(TelemetryTags.ErrorType, errorType);
            span.SetStatus(ActivityStatusCode.Error, errorType);
        }

        span.Dispose();
    }
}
