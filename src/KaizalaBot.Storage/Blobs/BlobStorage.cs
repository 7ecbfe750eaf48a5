using System.Buffers.Text;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace KaizalaBot.Storage.Blobs;

/// <summary>
/// <see cref="IStorage"/> on Azure Blob Storage through the official client: one block blob per key in one container,
/// the ETag being the blob's, every condition sent as <see cref="BlobRequestConditions"/> so the service decides.
/// </summary>
/// <remarks>
/// Blob names are the key escaped by <see cref="StorageKeyEscaper"/> (case kept, blob names are case-sensitive):
/// no <c>/</c>, <c>.</c> or <c>\</c> survives, so names never contain the dot segments or trailing slashes that URLs
/// normalise away, and prefix listing on the escaped prefix finds exactly the keys with that prefix. Blobs whose
/// names contain <c>/</c> (the lease blobs under <c>leases/</c>) are therefore never documents. A key too long to escape
/// in full gets a digest name, which cannot be turned back into the key: such a blob carries its key in metadata
/// (<see cref="KeyMetadataName"/>, base64url of the UTF-8 key), and listing reads it back.
/// </remarks>
public sealed class BlobStorage : IStorage
{
    private const string JsonContentType = "application/json";
    private const int MaxBlobNameLength = 1024;

    // Metadata travels in HTTP headers (ASCII, 8 KiB for all of a blob's metadata): base64url keeps any key header-safe.
    internal const string KeyMetadataName = "kbkey";
    private const int MaxKeyMetadataLength = 6 * 1024;

    private readonly BlobContainerClient _container;
    private readonly Lock _lock = new();
    private Task? _containerCreation;

    public BlobStorage(BlobContainerClient container)
    {
        ArgumentNullException.ThrowIfNull(container);
        _container = container;
    }

    public async Task<StoredDocument?> ReadAsync(string key, CancellationToken cancellationToken)
    {
        var blob = _container.GetBlobClient(BlobNameOf(key));
        await EnsureContainerAsync(cancellationToken);
        BlobDownloadResult download;
        try
        {
            download = (await blob.DownloadContentAsync(cancellationToken)).Value;
        }
        catch (RequestFailedException ex) when (ex.ErrorCode == BlobErrorCode.BlobNotFound)
        {
            return null;
        }

        using var document = JsonDocument.Parse(download.Content.ToMemory());
        return new StoredDocument(key, document.RootElement.Clone(), download.Details.ETag.ToString());
    }

    public async Task<string> WriteAsync(string key, JsonElement content, WriteCondition condition, CancellationToken cancellationToken)
    {
        var name = BlobNameOf(key);
        var blob = _container.GetBlobClient(name);
        StorageConditions.ValidateContent(content);
        var options = new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = JsonContentType },
            Metadata = StorageKeyEscaper.IsDigestName(name) ? new Dictionary<string, string> { [KeyMetadataName] = KeyMetadataOf(key) } : null,
            Conditions = condition.Kind switch
            {
                WriteConditionKind.Unconditional => null,
                WriteConditionKind.CreateOnly => new BlobRequestConditions { IfNoneMatch = ETag.All },
                WriteConditionKind.IfMatch => new BlobRequestConditions { IfMatch = new ETag(condition.ETag!) },
                _ => throw new ArgumentOutOfRangeException(nameof(condition), condition.Kind, "Unknown write condition."),
            },
        };
        await EnsureContainerAsync(cancellationToken);
        try
        {
            var uploaded = await blob.UploadAsync(BinaryData.FromBytes(JsonSerializer.SerializeToUtf8Bytes(content)), options, cancellationToken);
            return uploaded.Value.ETag.ToString();
        }
        catch (RequestFailedException ex) when (IsConflict(ex)
            || (condition.Kind == WriteConditionKind.IfMatch && ex.ErrorCode == BlobErrorCode.BlobNotFound))
        {
            // Azurite answers If-Match on a missing blob with 412; BlobNotFound is accepted too, as the same conflict.
            throw new StorageConflictException(key, condition.Kind, ex);
        }
    }

    public async Task DeleteAsync(string key, WriteCondition condition, CancellationToken cancellationToken)
    {
        StorageConditions.ValidateDeleteCondition(condition);
        var blob = _container.GetBlobClient(BlobNameOf(key));
        var conditions = condition.Kind == WriteConditionKind.IfMatch
            ? new BlobRequestConditions { IfMatch = new ETag(condition.ETag!) }
            : null;
        await EnsureContainerAsync(cancellationToken);
        bool existed;
        try
        {
            existed = (await blob.DeleteIfExistsAsync(DeleteSnapshotsOption.None, conditions, cancellationToken)).Value;
        }
        catch (RequestFailedException ex) when (IsConflict(ex))
        {
            throw new StorageConflictException(key, condition.Kind, ex);
        }

        if (!existed && conditions is not null)
        {
            // An ETag names a version that must still be there; a missing blob cannot match it.
            throw new StorageConflictException(key, condition.Kind);
        }
    }

    public async IAsyncEnumerable<string> ListKeysAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        await EnsureContainerAsync(cancellationToken);
        var blobPrefix = StorageKeyEscaper.EscapePrefix(prefix, preserveUpperCase: true);
        var keys = new List<string>();
        var options = new GetBlobsOptions { Prefix = blobPrefix, Traits = BlobTraits.Metadata };
        await foreach (var item in _container.GetBlobsAsync(options, cancellationToken))
        {
            if (!item.Name.Contains('/', StringComparison.Ordinal)
                && KeyOf(item) is { } key
                && key.StartsWith(prefix, StringComparison.Ordinal))
            {
                keys.Add(key);
            }
        }

        // The service lists in blob-name order, which is not the keys' ordinal order once escapes are involved.
        keys.Sort(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            yield return key;
        }
    }

    internal static string BlobNameOf(string key)
    {
        var name = StorageKeyEscaper.Escape(key, preserveUpperCase: true);
        if (name.Length > MaxBlobNameLength)
        {
            throw new ArgumentException(
                $"Storage key is too long for Blob storage: it escapes to {name.Length} characters, the limit is {MaxBlobNameLength}.", nameof(key));
        }

        if (StorageKeyEscaper.IsDigestName(name) && KeyMetadataOf(key).Length > MaxKeyMetadataLength)
        {
            throw new ArgumentException(
                $"Storage key is too long for Blob storage: a key over {MaxKeyMetadataLength * 3 / 4} UTF-8 bytes cannot be kept in blob metadata.", nameof(key));
        }

        return name;
    }

    private static string KeyMetadataOf(string key) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(key));

    // A digest name's key comes from its metadata; a blob without it (written by hand) is not one of our documents.
    private static string? KeyOf(BlobItem item)
    {
        if (!StorageKeyEscaper.IsDigestName(item.Name))
        {
            return StorageKeyEscaper.TryUnescape(item.Name, preserveUpperCase: true);
        }

        return item.Metadata is not null && item.Metadata.TryGetValue(KeyMetadataName, out var encoded)
            ? Encoding.UTF8.GetString(Base64Url.DecodeFromChars(encoded))
            : null;
    }

    // Put Blob answers 409 BlobAlreadyExists to If-None-Match:* and 412 ConditionNotMet to a stale If-Match.
    private static bool IsConflict(RequestFailedException ex) =>
        ex.Status == 412 || (ex.Status == 409 && ex.ErrorCode == BlobErrorCode.BlobAlreadyExists);

    // One creation is shared by all callers, so it runs without any one caller's token (a caller that gives up
    // only stops waiting); a failed or cancelled creation is retried by the next caller.
    private Task EnsureContainerAsync(CancellationToken cancellationToken)
    {
        Task creation;
        lock (_lock)
        {
            if (_containerCreation is null || _containerCreation.IsFaulted || _containerCreation.IsCanceled)
            {
                _containerCreation = _container.CreateIfNotExistsAsync(cancellationToken: CancellationToken.None);
            }

            creation = _containerCreation;
        }

        return creation.WaitAsync(cancellationToken);
    }
}
