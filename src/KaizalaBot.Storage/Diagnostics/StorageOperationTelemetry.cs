using System.Diagnostics;

namespace KaizalaBot.Storage.Diagnostics;

/// <summary>One storage operation's span and duration: told its outcome, recorded when disposed (an error when it was never told).</summary>
internal sealed class StorageOperationTelemetry(StorageTelemetry owner, Activity? span, string operation, string backend, long started) : IDisposable
{
    private string _outcome = "error";

    public void Outcome(string outcome) => _outcome = outcome;

    public void Dispose()
    {
        owner.OperationDuration.Record(
            owner.Time.GetElapsedTime(started).TotalSeconds,
            new TagList
            {
                { StorageTelemetry.OperationTag, operation },
                { StorageTelemetry.BackendTag, backend },
                { StorageTelemetry.OutcomeTag, _outcome },
            });
        if (span is null)
        {
            return;
        }

        span.SetTag(StorageTelemetry.OutcomeTag, _outcome);
        if (_outcome == "error")
        {
            span.SetStatus(ActivityStatusCode.Error, _outcome);
        }

        span.Dispose();
    }
}
