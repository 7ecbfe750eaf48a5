using System.Text.Json;

namespace KaizalaBot.Storage.Tests.Infrastructure;

/// <summary>Wraps a storage and lets "another writer" change a key just before the next N writes reach it.</summary>
internal sealed class InterferingStorage(IStorage inner, Func<IStorage, Task> interfere, int times) : IStorage
{
    private int _remaining = times;

    public int Writes { get; private set; }

    public Task<StoredDocument?> ReadAsync(string key, CancellationToken cancellationToken) => inner.ReadAsync(key, cancellationToken);

    public async Task<string> WriteAsync(string key, JsonElement content, WriteCondition condition, CancellationToken cancellationToken)
    {
        Writes++;
        if (_remaining-- > 0)
        {
            await interfere(inner);
        }

        return await inner.WriteAsync(key, content, condition, cancellationToken);
    }

    public Task DeleteAsync(string key, WriteCondition condition, CancellationToken cancellationToken) =>
        inner.DeleteAsync(key, condition, cancellationToken);

    public IAsyncEnumerable<string> ListKeysAsync(string prefix, CancellationToken cancellationToken) =>
        inner.ListKeysAsync(prefix, cancellationToken);
}
