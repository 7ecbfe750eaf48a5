namespace KaizalaBot.Storage.Leases;

/// <summary>The backend half of a lease manager: atomic acquire / renew / release of a named lease for a holder.</summary>
internal interface ILeaseStore
{
    /// <summary>Takes the lease unless another holder has it unexpired.</summary>
    Task<bool> TryAcquireAsync(string name, string holderId, TimeSpan duration, CancellationToken cancellationToken);

    /// <summary>Extends the lease; <c>false</c> when it is no longer this holder's.</summary>
    Task<bool> RenewAsync(string name, string holderId, TimeSpan duration, CancellationToken cancellationToken);

    Task ReleaseAsync(string name, string holderId, CancellationToken cancellationToken);
}
