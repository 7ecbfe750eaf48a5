using System.Text.Json;
using KaizalaBot.Storage;

namespace KaizalaBot.Migration.Tests.Infrastructure;

/// <summary>
/// A store whose first create-only write under <paramref name="keyPrefix"/> lands and is then answered as a conflict:
/// what the Blob client does when it retries a Put Blob with If-None-Match:* whose first attempt succeeded (a lost or
/// late answer), the retry getting 409 BlobAlreadyExists.
/// </summary>
internal sealed class LandedThenConflictStorage(IStorage inner, string keyPrefix) : IStorage
{
    private int _tripped;

    public bool Tripped => Volatile.Read(ref _tripped) == 1;

    public Task<StoredDocument?> ReadAsync(string key, CancellationToken cancellationToken) => inner.ReadAsync(key, cancellationToken);

    public async Task<string> WriteAsync(string key, JsonElement content, WriteCondition condition, CancellationToken cancellationToken)
    {
        var eTag = await inner.WriteAsync(key, content, condition, cancellationToken);
        if (condition.Kind == WriteConditionKind.CreateOnly
            && key.StartsWith(keyPrefix, StringComparison.Ordinal)
            && Interlocked.Exchange(ref _tripped, 1) == 0)
        {
            throw new StorageConflictException(key, condition.Kind);
        }

        return eTag;
    }

    public Task DeleteAsync(string key, WriteCondition condition, CancellationToken cancellationToken) => inner.DeleteAsync(key, condition, cancellationToken);

    public IAsyncEnumerable<string> ListKeysAsync(string prefix, CancellationToken cancellationToken) => inner.ListKeysAsync(prefix, cancellationToken);
}
