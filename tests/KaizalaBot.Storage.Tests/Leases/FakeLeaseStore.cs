using KaizalaBot.Storage.Leases;

namespace KaizalaBot.Storage.Tests.Leases;

/// <summary>A lease store whose answers the test decides, counting the calls it gets and signalling each renewal.</summary>
internal sealed class FakeLeaseStore : ILeaseStore
{
    private readonly SemaphoreSlim _renewals = new(0);
    private int _renewCalls;
    private int _releaseCalls;

    public bool AcquireResult { get; set; } = true;

    /// <summary>Runs on every renewal: return the answer or throw a failure.</summary>
    public Func<bool> Renew { get; set; } = () => true;

    public Exception? ReleaseFailure { get; set; }

    public int RenewCalls => Volatile.Read(ref _renewCalls);

    public int ReleaseCalls => Volatile.Read(ref _releaseCalls);

    public Task<bool> TryAcquireAsync(string name, string holderId, TimeSpan duration, CancellationToken cancellationToken) =>
        Task.FromResult(AcquireResult);

    public Task<bool> RenewAsync(string name, string holderId, TimeSpan duration, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _renewCalls);
        try
        {
            return Task.FromResult(Renew());
        }
        finally
        {
            _renewals.Release();
        }
    }

    public Task ReleaseAsync(string name, string holderId, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _releaseCalls);
        return ReleaseFailure is null ? Task.CompletedTask : Task.FromException(ReleaseFailure);
    }

    /// <summary>Completes when the next renewal call has been answered (bounded in real time).</summary>
    public async Task NextRenewalAsync()
    {
        if (!await _renewals.WaitAsync(KaizalaBot.Testing.Waits.DefaultLimit))
        {
            throw new TimeoutException("No renewal call reached the lease store.");
        }
    }
}
