using System.Runtime.CompilerServices;
using System.Text.Json;

namespace KaizalaBot.Storage.Diagnostics;

/// <summary>
/// Wraps the configured backend so every operation is traced and measured in one place, whatever the backend: the
/// backends stay free of telemetry, and a new one is instrumented by being registered. A conflict is an outcome, not
/// an error: it is how optimistic concurrency works.
/// </summary>
internal sealed class InstrumentedStorage(IStorage inner, string backend, StorageTelemetry telemetry) : IStorage
{
    /// <summary>The backend every operation goes to.</summary>
    public IStorage Inner => inner;

    public async Task<StoredDocument?> ReadAsync(string key, CancellationToken cancellationToken)
    {
        using var operation = telemetry.Start("read", backend);
        var document = await inner.ReadAsync(key, cancellationToken);
        operation.Outcome(document is null ? "not_found" : "ok");
        return document;
    }

    public async Task<string> WriteAsync(string key, JsonElement content, WriteCondition condition, CancellationToken cancellationToken)
    {
        using var operation = telemetry.Start("write", backend, condition.Kind);
        try
        {
            var eTag = await inner.WriteAsync(key, content, condition, cancellationToken);
            operation.Outcome("ok");
            return eTag;
        }
        catch (StorageConflictException)
        {
            operation.Outcome("conflict");
            throw;
        }
    }

    public async Task DeleteAsync(string key, WriteCondition condition, CancellationToken cancellationToken)
    {
        using var operation = telemetry.Start("delete", backend, condition.Kind);
        try
        {
            await inner.DeleteAsync(key, condition, cancellationToken);
            operation.Outcome("ok");
        }
        catch (StorageConflictException)
        {
            operation.Outcome("conflict");
            throw;
        }
    }

    // The span covers the whole listing, from the first key asked for to the last one taken; a caller that stops early
    // ends it normally, only a failure below marks it an error.
    public async IAsyncEnumerable<string> ListKeysAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var operation = telemetry.Start("list", backend);
        operation.Outcome("ok");
        await using var keys = inner.ListKeysAsync(prefix, cancellationToken).GetAsyncEnumerator(cancellationToken);
        while (await MoveNextAsync(keys, operation))
        {
            yield return keys.Current;
        }
    }

    private static async ValueTask<bool> MoveNextAsync(IAsyncEnumerator<string> keys, StorageOperationTelemetry operation)
    {
        try
        {
            return await keys.MoveNextAsync();
        }
        catch (Exception)
        {
            operation.Outcome("error");
            throw;
        }
    }
}
