using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Microsoft.Extensions.Logging;

namespace KaizalaBot.Storage.Leases;

/// <summary>
/// Leases shared by every instance using one storage account: Blob service leases, through the SDK's
/// <see cref="BlobLeaseClient"/>, on empty blobs named <c>leases/{escaped name}</c> created on first use. The service
/// enforces expiry, so a crashed holder's lease frees itself; the holder id is the lease id.
/// </summary>
public sealed class BlobLeaseManager : ILeaseManager, ILeaseStore
{
    private const string LeasePrefix = "leases/";

    private readonly BlobContainerClient _container;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<BlobLeaseManager> _logger;

    public BlobLeaseManager(BlobContainerClient container, TimeProvider timeProvider, ILogger<BlobLeaseManager> logger)
    {
        ArgumentNullException.ThrowIfNull(container);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        _container = container;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    public Task<ILease?> TryAcquireAsync(string name, TimeSpan duration, CancellationToken cancellationToken) =>
        RenewingLease.TryAcquireAsync(this, name, duration, _timeProvider, _logger, cancellationToken);

    internal static string BlobNameOf(string name) => LeasePrefix + StorageKeyEscaper.Escape(name, preserveUpperCase: true);

    async Task<bool> ILeaseStore.TryAcquireAsync(string name, string holderId, TimeSpan duration, CancellationToken cancellationToken)
    {
        var blob = _container.GetBlobClient(BlobNameOf(name));
        var lease = blob.GetBlobLeaseClient(holderId);
        var serviceDuration = duration == LeaseDurations.Infinite ? BlobLeaseClient.InfiniteLeaseDuration : duration;
        try
        {
            return await TryAcquireAsync(lease, serviceDuration, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.ErrorCode == BlobErrorCode.BlobNotFound || ex.ErrorCode == BlobErrorCode.ContainerNotFound)
        {
            await CreateLeaseBlobAsync(blob, cancellationToken);
            return await TryAcquireAsync(lease, serviceDuration, cancellationToken);
        }
    }

    async Task<bool> ILeaseStore.RenewAsync(string name, string holderId, TimeSpan duration, CancellationToken cancellationToken)
    {
        try
        {
            await _container.GetBlobClient(BlobNameOf(name)).GetBlobLeaseClient(holderId).RenewAsync(cancellationToken: cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 409)
        {
            // 409: another lease id holds it, or it was broken or released; 404: the lease blob is gone, and its lease with it.
            return false;
        }
    }

    async Task ILeaseStore.ReleaseAsync(string name, string holderId, CancellationToken cancellationToken)
    {
        try
        {
            await _container.GetBlobClient(BlobNameOf(name)).GetBlobLeaseClient(holderId).ReleaseAsync(cancellationToken: cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 409)
        {
            // Not ours any more, or nothing left to release.
        }
    }

    private static async Task<bool> TryAcquireAsync(BlobLeaseClient lease, TimeSpan duration, CancellationToken cancellationToken)
    {
        try
        {
            await lease.AcquireAsync(duration, cancellationToken: cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // LeaseAlreadyPresent, or LeaseIsBreakingAndCannotBeAcquired: someone else holds it.
            return false;
        }
    }

    private static async Task CreateLeaseBlobAsync(BlobClient blob, CancellationToken cancellationToken)
    {
        await blob.GetParentBlobContainerClient().CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        try
        {
            await blob.UploadAsync(
                BinaryData.Empty, new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } }, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            // Another instance created it first (and may already hold its lease): acquiring decides.
        }
    }
}
