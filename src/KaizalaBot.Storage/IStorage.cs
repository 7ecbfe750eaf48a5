using System.Text.Json;

namespace KaizalaBot.Storage;

/// <summary>
/// Key → JSON document store with optimistic concurrency (the Bot Framework <c>IStorage</c> idea, with
/// explicit write conditions instead of the SDK's "null ETag means whatever the backend likes").
/// </summary>
/// <remarks>
/// Keys are opaque strings (any characters); each backend escapes them safely. Every successful write
/// returns a new ETag. A write or delete whose condition fails throws <see cref="StorageConflictException"/>
/// and changes nothing.
/// </remarks>
public interface IStorage
{
    /// <summary>Reads one document, or <c>null</c> when the key does not exist.</summary>
    Task<StoredDocument?> ReadAsync(string key, CancellationToken cancellationToken);

    /// <summary>Writes a document under <paramref name="condition"/> and returns its new ETag.</summary>
    Task<string> WriteAsync(string key, JsonElement content, WriteCondition condition, CancellationToken cancellationToken);

    /// <summary>Deletes a document; deleting a missing key is not an error unless the condition names an ETag.</summary>
    Task DeleteAsync(string key, WriteCondition condition, CancellationToken cancellationToken);

    /// <summary>Lists the keys that start with <paramref name="prefix"/> (ordinal), in ordinal order.</summary>
    IAsyncEnumerable<string> ListKeysAsync(string prefix, CancellationToken cancellationToken);
}
