using System.Globalization;
using KaizalaBot.Storage;

namespace KaizalaBot.Migration.Audit;

/// <summary>
/// Append-only audit trail on <see cref="IStorage"/>: every entry is a create-only document
/// (<c>audit/{migrationId}/{ticks}-{sequence}-{guid}</c>), so nothing can overwrite or reorder history, and a migration's
/// entries are read back in time order by listing its prefix. The sequence orders this instance's entries of one clock
/// tick (a licence read and the update it led to) as they were appended; the GUID keeps two instances apart.
/// </summary>
public sealed class AuditTrail(IStorage storage)
{
    /// <summary>Stream of refusals that belong to no migration (an unentitled seller asking for one).</summary>
    public const string AuthorizationStream = "_authorization";

    private long _sequence;

    public async Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var sequence = Interlocked.Increment(ref _sequence);
        var key = string.Create(CultureInfo.InvariantCulture, $"{Prefix(entry.MigrationId)}{entry.At.UtcTicks:D19}-{sequence:D12}-{Guid.NewGuid():N}");
        try
        {
            await storage.WriteAsync(key, entry, WriteCondition.CreateOnly, Jobs.MigrationJson.Options, cancellationToken);
        }
        catch (StorageConflictException)
        {
            // The key's GUID was drawn just now: the entry is there because this write landed on an attempt the Blob
            // client retried (the retry answered 409 BlobAlreadyExists), not because anyone else wrote it.
        }
    }

    public async Task<IReadOnlyList<AuditEntry>> ReadAsync(string migrationId, CancellationToken cancellationToken)
    {
        var entries = new List<AuditEntry>();
        await foreach (var key in storage.ListKeysAsync(Prefix(migrationId), cancellationToken))
        {
            if (await storage.ReadAsync<AuditEntry>(key, Jobs.MigrationJson.Options, cancellationToken) is { } item)
            {
                entries.Add(item.Value);
            }
        }

        return entries;
    }

    private static string Prefix(string migrationId) => $"audit/{migrationId}/";
}
