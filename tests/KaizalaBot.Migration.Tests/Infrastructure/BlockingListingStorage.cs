using System.Runtime.CompilerServices;
using System.Text.Json;
using KaizalaBot.Storage;

namespace KaizalaBot.Migration.Tests.Infrastructure;

/// <summary>
/// A store whose listing under <paramref name="keyPrefix"/> hangs until it is cancelled, as a Blob listing does when the
/// host stops while Azurite (or Azure) is slow to answer: the cancellation surfaces from inside the listing.
/// </summary>
internal sealed class BlockingListingStorage(IStorage inner, string keyPrefix) : IStorage
{
    private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once a listing under the prefix has started and is hanging.</summary>
    public Task Entered => _entered.Task;

    public Task<StoredDocument?> ReadAsync(string key, CancellationToken cancellationToken) => inner.ReadAsync(key, cancellationToken);

    public Task<string> WriteAsync(string key, JsonElement content, WriteCondition condition, CancellationToken cancellationToken) =>
        inner.WriteAsync(key, content, condition, cancellationToken);

    public Task DeleteAsync(string key, WriteCondition condition, CancellationToken cancellationToken) => inner.DeleteAsync(key, condition, cancellationToken);

    public async IAsyncEnumerable<string> ListKeysAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (prefix.StartsWith(keyPrefix, StringComparison.Ordinal))
        {
            _entered.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        await foreach (var key in inner.ListKeysAsync(prefix, cancellationToken))
        {
            yield return key;
        }
    }
}
