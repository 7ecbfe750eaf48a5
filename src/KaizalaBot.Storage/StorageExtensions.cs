using System.Text.Json;

namespace KaizalaBot.Storage;

/// <summary>Typed access to <see cref="IStorage"/> and an optimistic read-modify-write loop.</summary>
public static class StorageExtensions
{
    private const int MaxUpdateAttempts = 1000;

    // Backoff after a lost round: random 0..2^attempt ms, at most 256 ms.
    private const int MaxBackoffExponent = 8;

    public static async Task<StoredItem<T>?> ReadAsync<T>(
        this IStorage storage, string key, JsonSerializerOptions serializerOptions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(storage);
        var document = await storage.ReadAsync(key, cancellationToken);
        if (document is null)
        {
            return null;
        }

        var value = document.Content.Deserialize<T>(serializerOptions)
            ?? throw new JsonException($"Storage document '{key}' holds JSON null, not a {typeof(T).Name}.");
        return new StoredItem<T>(document.Key, value, document.ETag);
    }

    public static Task<string> WriteAsync<T>(
        this IStorage storage,
        string key,
        T value,
        WriteCondition condition,
        JsonSerializerOptions serializerOptions,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(storage);
        var content = JsonSerializer.SerializeToElement(value, serializerOptions);
        return storage.WriteAsync(key, content, condition, cancellationToken);
    }

    /// <summary>
    /// Reads the document (or <c>default</c> when missing), applies <paramref name="update"/> and writes the result
    /// under an ETag (or create-only) condition, retrying from a fresh read when another writer got there first.
    /// </summary>
    /// <remarks>
    /// <paramref name="update"/> may run several times, so it must be free of side effects. Between attempts the
    /// loop waits a random, exponentially growing time (full jitter): without it, N writers that all lost a round would collide again at once
    /// and a remote store would see N requests per successful write.
    /// </remarks>
    public static async Task<StoredItem<T>> UpdateAsync<T>(
        this IStorage storage,
        string key,
        Func<T?, T> update,
        JsonSerializerOptions serializerOptions,
        TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(update);
        ArgumentNullException.ThrowIfNull(timeProvider);
        for (var attempt = 1; ; attempt++)
        {
            var current = await storage.ReadAsync<T>(key, serializerOptions, cancellationToken);
            var next = update(current is null ? default : current.Value);
            var condition = current is null ? WriteCondition.CreateOnly : WriteCondition.IfMatch(current.ETag);
            try
            {
                var eTag = await storage.WriteAsync(key, next, condition, serializerOptions, cancellationToken);
                return new StoredItem<T>(key, next, eTag);
            }
            catch (StorageConflictException) when (attempt < MaxUpdateAttempts)
            {
                var maxDelayMs = 1 << Math.Min(attempt, MaxBackoffExponent);
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(0, maxDelayMs + 1)), timeProvider, cancellationToken);
            }
        }
    }
}
