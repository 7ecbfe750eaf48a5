namespace KaizalaBot.Benchmarks;

/// <summary>Samples the managed heap while something runs, and reports its peak.</summary>
internal sealed class PeakMemory : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;
    private long _peak;

    public PeakMemory()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        Baseline = GC.GetTotalMemory(forceFullCollection: true);
        _sampling = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                var current = GC.GetTotalMemory(forceFullCollection: false);
                if (current > Interlocked.Read(ref _peak))
                {
                    Interlocked.Exchange(ref _peak, current);
                }

                try
                {
                    await Task.Delay(50, _stop.Token);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        });
    }

    public long Baseline { get; }

    public long Peak => Interlocked.Read(ref _peak);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sampling;
        _stop.Dispose();
    }
}
