using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

namespace KaizalaBot.Benchmarks.Turns;

/// <summary>
/// Makes another .NET process run a full, blocking garbage collection and reports what its managed heap holds after it,
/// through the runtime's diagnostic port (EventPipe), as <c>dotnet-gcdump</c> does: a session that enables the runtime
/// provider's GCHeapCollect keyword makes the runtime collect once. The bot needs no hook for it.
/// </summary>
internal static class GcProbe
{
    /// <summary>Managed heap size after the induced collection, bytes; the process's RSS is read right after by the caller.</summary>
    public static async Task<long> CollectAsync(int pid, CancellationToken cancellationToken)
    {
        var keywords = ClrTraceEventParser.Keywords.GC | ClrTraceEventParser.Keywords.GCHeapCollect;
        var provider = new EventPipeProvider(ClrTraceEventParser.ProviderName, EventLevel.Informational, (long)keywords);
        var client = new DiagnosticsClient(pid);
        using var session = await client.StartEventPipeSessionAsync([provider], requestRundown: false, circularBufferMB: 16, cancellationToken);
        using var source = new EventPipeEventSource(session.EventStream);
        var induced = false;
        long? heapAfter = null;
        source.Clr.GCStart += e => induced |= e.Reason == GCReason.Induced;
        source.Clr.GCHeapStats += e =>
        {
            if (induced && heapAfter is null)
            {
                heapAfter = e.TotalHeapSize;
            }
        };

        // The runtime collects while it enables the session, before it handles the stop; its events are flushed on stop.
        var reading = Task.Run(source.Process, cancellationToken);
        await session.StopAsync(cancellationToken);
        await reading;
        return heapAfter ?? throw new InvalidOperationException($"Process {pid} reported no induced garbage collection.");
    }
}
