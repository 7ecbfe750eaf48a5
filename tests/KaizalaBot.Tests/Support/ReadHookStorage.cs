using System.Text.Json;
using KaizalaBot.Storage;

namespace KaizalaBot.Tests.Support;

/// <summary>
/// A store that runs a test's hook before it serves a read, so whatever the hook lets happen meanwhile happens between
/// the caller's previous step and this read, as it may on a busy host.
/// </summary>
internal sealed class ReadHookStorage(IStorage inner) : IStorage
{
    /// <summary>Runs before each read, with its key; null to run nothing.</summary>
    public Func<string, Task>? BeforeRead { get; set; }

    public async Task<StoredDocument?> ReadAsync(string key, CancellationToken cancellationToken)
    {
        if (BeforeRead is { } hook)
        {
            await hook(key);
        }

        return await inner.ReadAsync(key, cancellationToken);
    }

    public Task<string> WriteAsync(string key, JsonElement content, WriteCondition condition, CancellationToken cancellationToken) =>
        inner.WriteAsync(key, content, condition, cancellationToken);

    public Task DeleteAsync(string key, WriteCondition condition, CancellationToken cancellationToken) => inner.DeleteAsync(key, condition, cancellationToken);

    public IAsyncEnumerable<string> ListKeysAsync(string prefix, CancellationToken cancellationToken) => inner.ListKeysAsync(prefix, cancellationToken);
}
