using System.Globalization;
using Microsoft.Diagnostics.Tracing.Etlx;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

namespace KaizalaBot.Benchmarks.Profiling;

/// <summary>
/// The <c>alloc-report</c> mode: where a process allocated, from a trace taken with
/// <c>dotnet-trace collect --profile gc-verbose</c> (its AllocationTick events, one about every 100 KB, each with the
/// type and the stack of the allocation that crossed the mark). Prints the share of bytes by type, then by method of
/// ours on the stack (inclusive), which is how the turn path's allocations were found (docs/performance.md); then the
/// sites that allocated the largest types, each as its innermost frames: an async method's continuations run inside the
/// frame of what it awaited last, so the inclusive share of a method can hold the work done after it returned; the share
/// by the frame of ours nearest the allocation does not.
/// </summary>
internal static class AllocationReport
{
    public static Task<int> RunAsync(string[] args)
    {
        if (args is not [var tracePath, ..])
        {
            Console.Error.WriteLine("Usage: alloc-report <trace.nettrace> [method name filter, default KaizalaBot]");
            return Task.FromResult(2);
        }

        var filter = args.ElementAtOrDefault(1) ?? "KaizalaBot";
        var byType = new Dictionary<string, long>(StringComparer.Ordinal);
        var byMethod = new Dictionary<string, long>(StringComparer.Ordinal);
        var byNearest = new Dictionary<string, long>(StringComparer.Ordinal);
        var bySite = new Dictionary<string, Dictionary<string, long>>(StringComparer.Ordinal);
        long total = 0;
        var pauses = new List<(double Milliseconds, int Generation)>();
        double? suspendedAt = null;
        var generation = -1;
        using var log = new TraceLog(TraceLog.CreateFromEventPipeDataFile(tracePath));
        foreach (var traceEvent in log.Events)
        {
            // A pause: from the runtime suspending the threads to their restart; the GC it served names the generation.
            switch (traceEvent)
            {
                case GCSuspendEETraceData:
                    suspendedAt = traceEvent.TimeStampRelativeMSec;
                    generation = -1;
                    continue;
                case GCStartTraceData start:
                    generation = start.Depth;
                    continue;
                case GCNoUserDataTraceData when traceEvent.EventName.EndsWith("RestartEEStop", StringComparison.Ordinal) && suspendedAt is { } at:
                    pauses.Add((traceEvent.TimeStampRelativeMSec - at, generation));
                    suspendedAt = null;
                    continue;
            }

            if (traceEvent is not GCAllocationTickTraceData tick)
            {
                continue;
            }

            var amount = tick.AllocationAmount64;
            total += amount;
            byType[tick.TypeName] = byType.GetValueOrDefault(tick.TypeName) + amount;
            var site = bySite.TryGetValue(tick.TypeName, out var sites) ? sites : bySite[tick.TypeName] = new(StringComparer.Ordinal);
            var where = string.Join(" < ", Frames(tick).Take(SiteFrames));
            site[where] = site.GetValueOrDefault(where) + amount;
            var nearest = Frames(tick).FirstOrDefault(f => f.Contains(filter, StringComparison.Ordinal)) ?? "(none of ours)";
            byNearest[nearest] = byNearest.GetValueOrDefault(nearest) + amount;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var frame = tick.CallStack(); frame is not null; frame = frame.Caller)
            {
                var method = frame.CodeAddress.FullMethodName;
                if (!string.IsNullOrEmpty(method) && method.Contains(filter, StringComparison.Ordinal) && seen.Add(method))
                {
                    byMethod[method] = byMethod.GetValueOrDefault(method) + amount;
                }
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{total / 1048576.0:F1} MB sampled by AllocationTick"));
        Print("by type", byType, total);
        Print($"by method containing '{filter}' (inclusive)", byMethod, total);
        Print($"by the frame containing '{filter}' nearest the allocation (what an async continuation did is its own)", byNearest, total);
        PrintPauses(pauses);
        foreach (var (type, _) in byType.OrderByDescending(p => p.Value).Take(3))
        {
            Print($"sites allocating {type} (innermost {SiteFrames} frames)", bySite[type], total, top: 12);
        }


        return Task.FromResult(total > 0 ? 0 : 1);
    }

    private const int SiteFrames = 6;

    private static void PrintPauses(List<(double Milliseconds, int Generation)> pauses)
    {
        Console.WriteLine($"--- pauses (threads suspended), by the generation collected (-1: suspended for something else)");
        foreach (var group in pauses.GroupBy(p => p.Generation).OrderBy(g => g.Key))
        {
            var sorted = group.Select(p => p.Milliseconds).Order().ToList();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  gen {group.Key,2}: {sorted.Count,5} pauses, total {sorted.Sum(),8:F1} ms, median {sorted[sorted.Count / 2],6:F2} ms, longest {sorted[^1],7:F2} ms"));
        }
    }

    // The allocating method and its callers, without the runtime's allocation helpers (frames with no managed name).
    private static IEnumerable<string> Frames(GCAllocationTickTraceData tick)
    {
        for (var frame = tick.CallStack(); frame is not null; frame = frame.Caller)
        {
            if (frame.CodeAddress.FullMethodName is { Length: > 0 } method)
            {
                yield return method.Length > 90 ? method[..90] : method;
            }
        }
    }

    private static void Print(string title, Dictionary<string, long> shares, long total, int top = 40)
    {
        Console.WriteLine($"--- {title}");
        foreach (var (name, bytes) in shares.OrderByDescending(p => p.Value).Take(top))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{bytes * 100.0 / total,6:F1}%  {name}"));
        }
    }
}
