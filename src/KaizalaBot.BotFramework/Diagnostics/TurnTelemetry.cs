using System.Diagnostics;
using KaizalaBot.BotFramework.Builder;

namespace KaizalaBot.BotFramework.Diagnostics;

/// <summary>
/// One turn's span and measurements: started by <see cref="BotFrameworkTelemetry.StartTurn"/>, told how the turn ended,
/// recorded when disposed. A turn disposed without an outcome was cancelled (its caller's token or the host stopping).
/// </summary>
internal sealed class TurnTelemetry(BotFrameworkTelemetry owner, Activity? span, string kind, string activityType, long started) : IDisposable
{
    private string _outcome = "cancelled";
    private string? _errorType;
    private string? _phase;
    private int _attempts = 1;

    /// <summary>A save met a concurrent change and the turn runs again.</summary>
    public void Retried()
    {
        _attempts++;
        span?.AddEvent(new ActivityEvent("turn.retried"));
    }

    public void Complete(TurnOutcome outcome)
    {
        (_outcome, _phase) = outcome.Result.Status switch
        {
            ProactiveTurnStatus.Completed => ("completed", null),
            ProactiveTurnStatus.SendFailed => ("send_failed", "send"),
            _ => ("failed", "turn"),
        };
        _errorType = outcome.Failure switch
        {
            TurnFailureKind.OwnFault => "own_fault",
            TurnFailureKind.CallerMistake => "caller_mistake",
            TurnFailureKind.Dependency => "dependency",
            TurnFailureKind.TimedOut => "timed_out",
            _ => null,
        };
    }

    public void Dispose()
    {
        var tags = new TagList
        {
            { TelemetryTags.TurnKind, kind },
            { TelemetryTags.ActivityType, activityType },
            { TelemetryTags.Outcome, _outcome },
        };
        if (_errorType is not null)
        {
            tags.Add(TelemetryTags.ErrorType, _errorType);
            owner.TurnErrors.Add(1, new TagList { { TelemetryTags.ErrorType, _errorType }, { TelemetryTags.Phase, _phase }, { TelemetryTags.TurnKind, kind } });
        }

        owner.Turns.Add(1, tags);
        owner.TurnDuration.Record(owner.Time.GetElapsedTime(started).TotalSeconds, tags);

        if (span is not null)
        {
            span.SetTag(TelemetryTags.Outcome, _outcome);
            span.SetTag(TelemetryTags.Attempts, _attempts);
            if (_errorType is not null)
            {
                // The kind of failure only: an exception's message may quote request data, and it is in the logs already.
                span.SetTag(TelemetryTags.ErrorType, _errorType);
                span.SetStatus(ActivityStatusCode.Error, _errorType);
            }
            else if (_outcome == "cancelled")
            {
                span.SetStatus(ActivityStatusCode.Error, _outcome);
            }

            span.Dispose();
        }
    }
}
