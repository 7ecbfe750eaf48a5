using System.Text.Json;
using KaizalaBot.BotFramework.Testing;
using KaizalaBot.Storage;
using KaizalaBot.Storage.Memory;

namespace KaizalaBot.BotFramework.Tests.Testing;

/// <summary>
/// A <see cref="MemoryStorage"/> that lets a test act as "another instance": <see cref="BeforeNextWrite"/> runs
/// once, just before the next write, and may change the stored document so that the write's ETag is stale.
/// </summary>
internal sealed class ConflictInjectingStorage : IStorage
{
    public MemoryStorage Inner { get; } = new();

    public Func<CancellationToken, Task>? BeforeNextWrite { get; set; }

    public int ConflictCount { get; private set; }

    public Task<StoredDocument?> ReadAsync(string key, CancellationToken cancellationToken) => Inner.ReadAsync(key, cancellationToken);

    public async Task<string> WriteAsync(string key, JsonElement content, WriteCondition condition, CancellationToken cancellationToken)
    {
        if (BeforeNextWrite is { } interfere)
        {
            BeforeNextWrite = null;
            await interfere(cancellationToken);
        }

        try
        {
            return await Inner.WriteAsync(key, content, condition, cancellationToken);
        }
        catch (StorageConflictException)
        {
            ConflictCount++;
            throw;
        }
    }

    public Task DeleteAsync(string key, WriteCondition condition, CancellationToken cancellationToken) =>
        Inner.DeleteAsync(key, condition, cancellationToken);

    public IAsyncEnumerable<string> ListKeysAsync(string prefix, CancellationToken cancellationToken) =>
        Inner.ListKeysAsync(prefix, cancellationToken);
}
