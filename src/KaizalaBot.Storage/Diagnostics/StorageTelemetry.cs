using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace KaizalaBot.Storage.Diagnostics;

/// <summary>
/// Storage's traces and metrics, on <c>System.Diagnostics</c> only (the host picks the exporters): one
/// <see cref="ActivitySource"/> and one <see cref="Meter"/>, both named <see cref="Name"/>. Every <see cref="IStorage"/>
/// operation is a span and a duration measurement with its backend and outcome (<c>ok</c>, <c>not_found</c>,
/// <c>conflict</c> or <c>error</c>), so optimistic-concurrency conflicts show up next to the turn or migration that met them.
/// </summary>
public sealed class StorageTelemetry : IDisposable
{
    public const string Name = "KaizalaBot.Storage";

    internal const string OperationTag = "kaizalabot.storage.operation";
    internal const string BackendTag = "kaizalabot.storage.backend";
    internal const string OutcomeTag = "kaizalabot.storage.outcome";
    internal const string ConditionTag = "kaizalabot.storage.condition";

    // One per process, as System.Diagnostics intends: a listener subscribes by name, and an ActivitySource holds no state.
    internal static readonly ActivitySource Source = new(Name);

    private readonly Meter _meter;
    private readonly bool _ownsMeter;

    /// <param name="meterFactory">The host's factory (so tests can observe one container's meter); without it, a meter of its own.</param>
    /// <param name="time">The clock durations are measured on.</param>
    public StorageTelemetry(IMeterFactory? meterFactory = null, TimeProvider? time = null)
    {
        _ownsMeter = meterFactory is null;
        _meter = meterFactory?.Create(Name) ?? new Meter(Name);
        Time = time ?? TimeProvider.System;
        OperationDuration = _meter.CreateHistogram<double>(
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

    public void Dispose()
    {
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }
}
