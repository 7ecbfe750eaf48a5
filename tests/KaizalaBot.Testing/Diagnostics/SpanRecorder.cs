using System.Collections.Concurrent;
using System.Diagnostics;

namespace KaizalaBot.Testing.Diagnostics;

/// <summary>
/// Records every span that ends on the named <see cref="ActivitySource"/>s, as an OpenTelemetry SDK would receive them.
/// The listener is process-wide, so tests running in parallel add theirs: a test picks its own spans by an id it chose.
/// </summary>
public sealed class SpanRecorder : IDisposable
{
    private readonly ConcurrentQueue<Activity> _spans = new();
    private readonly ActivityListener _listener;

    public SpanRecorder(params string[] sourceNames)
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => sourceNames.Contains(source.Name, StringComparer.Ordinal),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _spans.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public IReadOnlyList<Activity> Spans => [.. _spans];

    /// <summary>The ended spans with <paramref name="tag"/> equal to <paramref name="value"/>.</summary>
    public IReadOnlyList<Activity> Tagged(string tag, string value) =>
        [.. _spans.Where(span => span.GetTagItem(tag) as string == value)];

    /// <summary>The ended spans of one trace.</summary>
    public IReadOnlyList<Activity> InTrace(ActivityTraceId traceId) => [.. _spans.Where(span => span.TraceId == traceId)];

    public void Dispose() => _listener.Dispose();
}
