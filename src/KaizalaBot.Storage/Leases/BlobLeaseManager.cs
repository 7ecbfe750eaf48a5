using KaizalaBot.Storage.Blobs;
using Microsoft.Extensions.Logging;

namespace KaizalaBot.Storage.Leases;

/// <summary>
/// Leases shared by every instance using one storage account: Blob service leases on empty blobs named
/// <c>leases/{escaped name}</c>, created on first use. The service enforces expiry (15–60 s), so a crashed
/// holder's lease frees itself.
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

    public Task<ILease?> TryAcquireAsync(string name, TimeSpan duration, CancellationToken cancellationToken)
    {
        if (duration < TimeSpan.FromSeconds(15) || duration > TimeSpan.FromSeconds(60))
        {
            throw new ArgumentOutOfRangeException(nameof(duration), duration, "A blob lease lasts 15 to 60 seconds (a Blob service limit).");
        }

        return RenewingLease.TryAcquireAsync(this, name, duration, _timeProvider, _logger, cancellationToken);
    }

    internal static string BlobNameOf(string name) => LeasePrefix + StorageKeyEscaper.Escape(name, preserveUpperCase: true);

    async Task<bool> ILeaseStore.TryAcquireAsync(string name, string holderId, TimeSpan duration, CancellationToken cancellationToken)
    {
        var blobName = BlobNameOf(name);
        try
        {
            return await _container.AcquireLeaseAsync(blobName, duration, holderId, cancellationToken) is not null;
        }
        catch (BlobRequestFailedException ex) when (ex.Status == 404)
        {
            await CreateLeaseBlobAsync(blobName, cancellationToken);
            return await _container.AcquireLeaseAsync(blobName, duration, holderId, cancellationToken) is not null;
        }
    }

    async Task<bool> ILeaseStore.RenewAsync(string name, string holderId, TimeSpan duration, CancellationToken cancellationToken)
    {
        try
        {
            return await _container.RenewLeaseAsync(BlobNameOf(name), holderId, cancellationToken);
        }
        catch (BlobRequestFailedException ex) when (ex.Status == 404)
        {
            return false; // The lease blob was deleted, and its lease with it.
        }
    }

    async Task ILeaseStore.ReleaseAsync(string name, string holderId, CancellationToken cancellationToken)
    {
        try
        {
            await _container.ReleaseLeaseAsync(BlobNameOf(name), holderId, cancellationToken);
        }
        catch (BlobRequestFailedException ex) when (ex.Status == 404)
        {
            // Nothing left to release.
        }
    }

    private async Task CreateLeaseBlobAsync(string blobName, CancellationToken cancellationToken)
    {
        await _container.CreateIfNotExistsAsync(cancellationToken);
        try
        {
            await _container.UploadAsync(blobName, ReadOnlyMemory<byte>.Empty, "application/octet-stream", BlobRequestConditions.CreateOnly, cancellationToken);
        }
        catch (BlobRequestFailedException ex) when (ex.Status is 409 or 412)
        {
            // Another instance created it first (and may already hold its lease): acquiring decides.
        }
    }
}
