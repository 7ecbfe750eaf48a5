namespace KaizalaBot.Migration.Jobs;

/// <summary>Wakes the local runner when a migration becomes runnable, so it starts without waiting for the next poll.</summary>
public sealed class RunnerSignal : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Wake()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already awake: one pending wake-up is enough.
        }
    }

    public Task WaitAsync(CancellationToken cancellationToken) => _signal.WaitAsync(cancellationToken);

    public void Dispose() => _signal.Dispose();
}
