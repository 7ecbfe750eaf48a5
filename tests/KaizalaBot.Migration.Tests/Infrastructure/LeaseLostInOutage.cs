using KaizalaBot.Storage.Leases;

namespace KaizalaBot.Migration.Tests.Infrastructure;

/// <summary>
/// Leases from <paramref name="inner"/>, the first of which behaves as crash run 45's Blob lease did during a storage
/// outage: lost as soon as it is taken (its renewals failed until it expired) and, when disposed, failing the way the
/// Blob SDK fails once its retries are spent (an <see cref="AggregateException"/> of the attempts' errors).
/// </summary>
internal sealed class LeaseLostInOutage(ILeaseManager inner) : ILeaseManager
{
    private int _handedOut;

    public int FailedDisposals { get; private set; }

    public async Task<ILease?> TryAcquireAsync(string name, TimeSpan duration, CancellationToken cancellationToken)
    {
        var lease = await inner.TryAcquireAsync(name, duration, cancellationToken);
        return lease is not null && Interlocked.Increment(ref _handedOut) == 1 ? new Troubled(lease, this) : lease;
    }

    private sealed class Troubled(ILease inner, LeaseLostInOutage owner) : ILease
    {
        public string Name => inner.Name;

        public string HolderId => inner.HolderId;

        public CancellationToken LeaseLost { get; } = new(canceled: true);

        public async ValueTask DisposeAsync()
        {
            await inner.DisposeAsync();
            owner.FailedDisposals++;
            throw new AggregateException(
                "Retry failed after 5 tries.", Enumerable.Range(0, 5).Select(_ => new HttpRequestException("Connection refused (injected outage)")));
        }
    }
}
