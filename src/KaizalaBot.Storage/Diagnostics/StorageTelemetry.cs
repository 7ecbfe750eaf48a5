using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace KaizalaBot.Storage.Diagnostics;

/// <summary>
/// Storage's traces and metrics, on <c>System.Diagnostics</c> only (the host picks the exporters): one
/// <see cref="ActivitySource"/> and one <see cref="Meter"/>, both named <see cref="Name"/>. Every <see cref="IStorage"/>
/// operation is a span and a duration measurement with its backend and outcome (<c>ok</c>, <c>not_found</c>,
/// <c>conflict</c> or <c>error</c>), so optimistic-concurrency conflicts show up next to the turn or migration that met them.
/// </summary>
public sealed class StorageTelemetry
{
    public const string Name = "KaizalaBot.Storage";

    internal const string OperationTag = "kaizalabot.storage.operation";
    internal const string BackendTag = "kaizalabot.storage.backend";
    internal const string OutcomeTag = "kaizalabot.storage.outcome";
    internal const string ConditionTag = "kaizalabot.storage.condition";

    // One per process, as System.Diagnostics intends: a listener subscribes by name, and an ActivitySource holds no state.
    internal static readonly ActivitySource Source = new(Name);

    public StorageTelemetry(IMeterFactory meterFactory, TimeProvider time)
    {
        // From the container's factory: the meter lives as long as the container, and a test can observe just its own.
        var meter = meterFactory.Create(Name);
        Time = time;
        OperationDuration = meter.CreateHistogram<double>(
            "kaizalabot.storage.operation.duration", "s", "Storage operations by operation, backend and outcome (ok, not_found, conflict, error).");
    }

    internal TimeProvider Time { get; }

    internal Histogram<double> OperationDuration { get; }

    /// <summary>Starts the span and clock of one operation; dispose it when the operation is over.</summary>
    internal StorageOperationTelemetry Start(string operation, string backend, WriteConditionKind? condition = null)
    {
        var span = Source.StartActivity("storage " + operation, ActivityKind.Client);
        if (span is { IsAllDataRequested: true })
        {
            span.SetTag(OperationTag, operation);
            span.SetTag(BackendTag, backend);
            span.SetTag(ConditionTag, condition?.ToString());
        }

        return new StorageOperationTelemetry(this, span, operation, backend, Time.GetTimestamp());
    }
}
