using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace KaizalaBot.Storage.Memory;

/// <summary>
/// In-process <see cref="IStorage"/>: the <c>Memory</c> provider (lost on restart) and the storage of the Bot Framework
/// test harness; it passes the same contract suite as the file and Blob backends.
/// </summary>
public sealed class MemoryStorage : IStorage
{
    private readonly Dictionary<string, StoredDocument> _documents = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private long _lastETag;
    private int _writeCount;

    /// <summary>Successful writes so far (tests use it to prove that nothing was written).</summary>
    public int WriteCount => Volatile.Read(ref _writeCount);

    public Task<StoredDocument?> ReadAsync(string key, CancellationToken cancellationToken)
    {
        StorageKeyEscaper.Validate(key);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            return Task.FromResult(_documents.GetValueOrDefault(key));
        }
    }

    public Task<string> WriteAsync(string key, JsonElement content, WriteCondition condition, CancellationToken cancellationToken)
    {
        StorageKeyEscaper.Validate(key);
        StorageConditions.ValidateContent(content);
        cancellationToken.ThrowIfCancellationRequested();

        // Clone so that the stored value outlives the caller's JsonDocument.
        var copy = content.Clone();
        lock (_lock)
        {
            _documents.TryGetValue(key, out var existing);
            StorageConditions.ThrowIfWriteFails(key, condition, existing?.ETag);
            var eTag = (++_lastETag).ToString(CultureInfo.InvariantCulture);
            _documents[key] = new StoredDocument(key, copy, eTag);
            _writeCount++;
            return Task.FromResult(eTag);
        }
    }

    public Task DeleteAsync(string key, WriteCondition condition, CancellationToken cancellationToken)
    {
        StorageKeyEscaper.Validate(key);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            _documents.TryGetValue(key, out var existing);
            StorageConditions.ThrowIfDeleteFails(key, condition, existing?.ETag);
            _documents.Remove(key);
        }

        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<string> ListKeysAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        string[] keys;
        lock (_lock)
        {
            keys = [.. _documents.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal))];
        }

        Array.Sort(keys, StringComparer.Ordinal);
        foreach (var key in keys)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return key;
        }

        await Task.CompletedTask;
    }
}
