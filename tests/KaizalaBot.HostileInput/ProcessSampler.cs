using System.Diagnostics;

namespace KaizalaBot.HostileInput;

/// <summary>Resident memory and thread count of this process (the bot runs in it), with the peaks seen.</summary>
internal sealed class ProcessSampler
{
    private readonly Lock _gate = new();
    private long _startRss;
    private long _peakRss;
    private int _startThreads;
    private int _peakThreads;
    private bool _started;

    public void Sample()
    {
        using var process = Process.GetCurrentProcess();
        var rss = process.WorkingSet64;
        var threads = process.Threads.Count;
        lock (_gate)
        {
            if (!_started)
            {
                (_startRss, _startThreads, _started) = (rss, threads, true);
            }

            _peakRss = Math.Max(_peakRss, rss);
            _peakThreads = Math.Max(_peakThreads, threads);
        }
    }

    /// <summary>The figures, the last one after a full collection, so that what is still held at the end shows.</summary>
    public ((long Start, long Peak, long End) Rss, (int Start, int Peak, int End) Threads) Finish()
    {
        Sample();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        lock (_gate)
        {
            return ((_startRss, _peakRss, process.WorkingSet64), (_startThreads, _peakThreads, process.Threads.Count));
        }
    }
}
