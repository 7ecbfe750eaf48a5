using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

namespace KaizalaBot.Benchmarks.Turns;

/// <summary>
/// Counts what another .NET process allocates and how often it collects, through its diagnostic port: the runtime's
/// AllocationTick event fires about every 100 KB allocated and says how much, so over a measured run of megabytes the
/// sum is exact to a fraction of a percent. Bytes per turn do not depend on the machine's load, unlike CPU time, which
/// makes them the figure to compare before and after a change on a shared machine. The same session times the pauses:
/// a collection suspends the process's managed threads (GCSuspendEEStart) and restarts them (GCRestartEEStop), and every
/// request in flight waits for that whole span, which is what a p99 at many sellers is made of when it is not a queue.
/// </summary>
internal sealed class AllocationMeter
{
    private readonly EventPipeSession _session;
    private readonly Task _reading;
    private long _bytes;
    private int _collections;
    private double? _suspendedAt;
    private double _pauseMilliseconds;
    private double _maxPauseMilliseconds;

    private AllocationMeter(EventPipeSession session)
    {
        _session = session;
        var source = new EventPipeEventSource(session.EventStream);
        source.Clr.GCAllocationTick += e => _bytes += e.AllocationAmount64;
        source.Clr.GCStart += _ => _collections++;
        source.Clr.GCSuspendEEStart += e =>
        {
            // Only a suspension for a collection: the debugger or a rundown suspends too, and is no pause of the service's.
            _suspendedAt = e.Reason is GCSuspendEEReason.SuspendForGC or GCSuspendEEReason.SuspendForGCPrep ? e.TimeStampRelativeMSec : null;
        };
        source.Clr.GCRestartEEStop += e =>
        {
            if (_suspendedAt is { } suspendedAt)
            {
                var pause = e.TimeStampRelativeMSec - suspendedAt;
                _pauseMilliseconds += pause;
                _maxPauseMilliseconds = Math.Max(_maxPauseMilliseconds, pause);
                _suspendedAt = null;
            }
        };
        _reading = Task.Run(() =>
        {
            using (source)
            {
                source.Process();
            }
        });
    }

    public static async Task<AllocationMeter> StartAsync(int pid, CancellationToken cancellationToken)
    {
        var provider = new EventPipeProvider(ClrTraceEventParser.ProviderName, EventLevel.Verbose, (long)ClrTraceEventParser.Keywords.GC);
        var session = await new DiagnosticsClient(pid).StartEventPipeSessionAsync([provider], requestRundown: false, circularBufferMB: 64, cancellationToken);
        return new AllocationMeter(session);
    }

    /// <summary>Ends the session; the runtime flushes its events on stop, so the totals are complete once this returns.</summary>
    public async Task<GcFigures> StopAsync(CancellationToken cancellationToken)
    {
        await _session.StopAsync(cancellationToken);
        await _reading;
        _session.Dispose();
        return new GcFigures(_bytes, _collections, _pauseMilliseconds, _maxPauseMilliseconds);
    }
}
