namespace KaizalaBot.Storage.Leases;

/// <summary>
/// A held distributed lock. It renews itself in the background at about a third of its duration; disposing it
/// stops renewing and releases it.
/// </summary>
public interface ILease : IAsyncDisposable
{
    string Name { get; }

    /// <summary>This holder's id (for a blob lease, the lease id).</summary>
    string HolderId { get; }

    /// <summary>
    /// Cancelled when the lease is no longer held: a renewal was refused (someone else holds it now), renewals kept
    /// failing until it expired, or it was disposed. Work guarded by the lease must stop when this fires.
    /// </summary>
    CancellationToken LeaseLost { get; }
}
