using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using KaizalaBot.Storage;

namespace KaizalaBot.BotFramework.Testing;

/// <summary>
/// An in-memory <see cref="IStorage"/> for tests, honouring the write conditions exactly. Documents are kept as
/// JSON text, so every read goes through a real serialisation round trip, as with a real backend.
/// </summary>
public sealed class MemoryStorage : IStorage
{
    private readonly Dictionary<string, (string Json, string ETag)> _documents = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private long _version;

    /// <summary>Successful writes so far (tests use it to prove that nothing was written).</summary>
    public int WriteCount { get; private set; }

    public Task<StoredDocument?> ReadAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);

        lock (_gate)
        {
            return Task.FromResult(_documents.TryGetValue(key, out var stored)
                ? new StoredDocument(key, JsonDocument.Parse(stored.Json).RootElement.Clone(), stored.ETag)
                : null);
        }
    }

    public Task<string> WriteAsync(string key, JsonElement content, WriteCondition condition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);

        lock (_gate)
        {
            Check(key, condition);
            var eTag = (++_version).ToString(CultureInfo.InvariantCulture);
            _documents[key] = (content.GetRawText(), eTag);
            WriteCount++;
            return Task.FromResult(eTag);
        }
    }

    public Task DeleteAsync(string key, WriteCondition condition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);

        lock (_gate)
        {
            if (condition.Kind == WriteConditionKind.IfMatch)
            {
                Check(key, condition);
            }

            _documents.Remove(key);
            return Task.CompletedTask;
        }
    }

    public async IAsyncEnumerable<string> ListKeysAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prefix);

        List<string> keys;
        lock (_gate)
        {
            keys = [.. _documents.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal)];
        }

        foreach (var key in keys)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return key;
        }

        await Task.CompletedTask;
    }

    private void Check(string key, WriteCondition condition)
    {
        var exists = _documents.TryGetValue(key, out var stored);
        var ok = condition.Kind switch
        {
            WriteConditionKind.CreateOnly => !exists,
            WriteConditionKind.IfMatch => exists && stored.ETag == condition.ETag,
            _ => true,
        };
        if (!ok)
        {
            throw new StorageConflictException(key, condition.Kind);
        }
    }
}
