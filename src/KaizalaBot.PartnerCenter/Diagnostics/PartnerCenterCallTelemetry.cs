using System.Diagnostics;
using System.Net;

namespace KaizalaBot.PartnerCenter.Diagnostics;

/// <summary>
/// One logical Partner Center call's span and measurements. The resilience pipeline reports each retried answer
/// (<see cref="Retried"/>), the client the final one; disposing records the call.
/// </summary>
internal sealed class PartnerCenterCallTelemetry(PartnerCenterTelemetry owner, Activity? span, string operation, long started) : IDisposable
{
    // Partner Center's error codes are short numbers or names; anything longer is not one.
    private const int MaxErrorCodeLength = 64;

    private int _retries;
    private bool _throttled;
    private int? _statusCode;
    private string? _errorType;
    private string? _errorCode;

    /// <summary>An attempt failed and will be retried; <paramref name="statusCode"/> is its answer, if it had one.</summary>
    public void Retried(HttpStatusCode? statusCode)
    {
        _retries++;
        CountIfThrottled(statusCode);
    }

    /// <summary>The final answer, successful or not.</summary>
    public void Answered(HttpStatusCode statusCode)
    {
        _statusCode = (int)statusCode;
        CountIfThrottled(statusCode);
    }

    /// <summary>The call failed: the error category (<c>error.type</c>) and Partner Center's own code, when it sent one.</summary>
    public void Failed(PartnerErrorCategory category, string? errorCode)
    {
        _errorType = category.ToString();
        _errorCode = errorCode is { Length: <= MaxErrorCodeLength } ? errorCode : null;
    }

    public void Dispose()
    {
        var errorType = _errorType ?? (_statusCode is null ? "cancelled" : null);
        var tags = new TagList { { PartnerCenterTelemetry.OperationTag, operation } };
        if (_statusCode is { } status)
        {
            tags.Add(PartnerCenterTelemetry.StatusCodeTag, status);
        }

        if (errorType is not null)
        {
            tags.Add(PartnerCenterTelemetry.ErrorTypeTag, errorType);
        }

        owner.CallDuration.Record(owner.Time.GetElapsedTime(started).TotalSeconds, tags);
        if (span is null)
        {
            return;
        }

        span.SetTag(PartnerCenterTelemetry.StatusCodeTag, _statusCode);
        span.SetTag(PartnerCenterTelemetry.RetriesTag, _retries);
        span.SetTag(PartnerCenterTelemetry.ThrottledTag, _throttled);
        span.SetTag(PartnerCenterTelemetry.ErrorCodeTag, _errorCode);
        if (errorType is not null)
        {
            span.SetTag(PartnerCenterTelemetry.ErrorTypeTag, errorType);
            span.SetStatus(ActivityStatusCode.Error, errorType);
        }

        span.Dispose();
    }

    private void CountIfThrottled(HttpStatusCode? statusCode)
    {
        if (statusCode == HttpStatusCode.TooManyRequests)
        {
            _throttled = true;
            owner.Throttled.Add(1, new TagList { { PartnerCenterTelemetry.OperationTag, operation } });
        }
    }
}
