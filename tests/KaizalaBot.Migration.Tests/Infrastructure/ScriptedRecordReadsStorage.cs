using System.Collections.Concurrent;
using System.Text.Json;
using KaizalaBot.Storage;

namespace KaizalaBot.Migration.Tests.Infrastructure;

/// <summary>
/// A store where each migration's record read (the first thing a run does) behaves as the test says: so a run can be
/// made to throw, end normally or hang until stopped, and the reads count the runs a runner started.
/// </summary>
internal sealed class ScriptedRecordReadsStorage(IStorage inner) : IStorage
{
    private const string RecordPrefix = "migrations/";
    private readonly ConcurrentDictionary<string, RecordRead> _behaviour = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _reads = new(StringComparer.Ordinal);

    public void Set(string migrationId, RecordRead read) => _behaviour[migrationId] = read;

    /// <summary>How often the record of <paramref name="migrationId"/> was read: once per run started.</summary>
    public int Reads(string migrationId) => _reads.GetValueOrDefault(migrationId);

    public async Task<StoredDocument?> ReadAsync(string key, CancellationToken cancellationToken)
    {
        if (!key.StartsWith(RecordPrefix, StringComparison.Ordinal))
        {
            return await inner.ReadAsync(key, cancellationToken);
        }

        var id = key[RecordPrefix.Length..];
        _reads.AddOrUpdate(id, 1, (_, count) => count + 1);
        switch (_behaviour.GetValueOrDefault(id))
        {
            case RecordRead.Throws:
                throw new InvalidOperationException($"Scripted failure reading {key}.");
            case RecordRead.HangsUntilStopped:
                await Task.Delay(Timeout.Infinite, cancellationToken);
                return null;
            default:
                return await inner.ReadAsync(key, cancellationToken);
        }
    }

    public Task<string> WriteAsync(string key, JsonElement content, WriteCondition condition, CancellationToken cancellationToken) =>
        inner.WriteAsync(key, content, condition, cancellationToken);

    public Task DeleteAsync(string key, WriteCondition condition, CancellationToken cancellationToken) => inner.DeleteAsync(key, condition, cancellationToken);

    public IAsyncEnumerable<string> ListKeysAsync(string prefix, CancellationToken cancellationToken) => inner.ListKeysAsync(prefix, cancellationToken);
}
