namespace KaizalaBot.Storage.Leases;

/// <summary>Named, expiring, exclusive leases: two instances of the bot never run the same job at the same time.</summary>
public interface ILeaseManager
{
    /// <summary>
    /// Takes the lease <paramref name="name"/> for <paramref name="duration"/> (renewed while held), or returns
    /// <c>null</c> at once when another holder has it and it has not expired.
    /// </summary>
    /// <remarks>
    /// Every manager accepts the Blob service's durations only: 15 to 60 whole seconds, or <see cref="LeaseDurations.Infinite"/>;
    /// any other throws <see cref="ArgumentOutOfRangeException"/>. A lease only keeps two holders from working at once;
    /// work guarded by it must still write with an ETag condition, so a holder whose lease lapsed cannot overwrite
    /// the next holder's writes.
    /// </remarks>
    Task<ILease?> TryAcquireAsync(string name, TimeSpan duration, CancellationToken cancellationToken);
}
