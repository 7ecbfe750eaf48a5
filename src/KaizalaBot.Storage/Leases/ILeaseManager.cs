namespace KaizalaBot.Storage.Leases;

/// <summary>Named, expiring, exclusive leases: two instances of the bot never run the same job at the same time.</summary>
public interface ILeaseManager
{
    /// <summary>
    /// Takes the lease <paramref name="name"/> for <paramref name="duration"/> (renewed while held), or returns
    /// <c>null</c> at once when another holder has it and it has not expired.
    /// </summary>
    /// <remarks>Blob leases only accept durations of 15 to 60 seconds (a service limit).</remarks>
    Task<ILease?> TryAcquireAsync(string name, TimeSpan duration, CancellationToken cancellationToken);
}
