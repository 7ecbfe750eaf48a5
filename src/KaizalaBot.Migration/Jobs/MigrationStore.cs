using KaizalaBot.Storage;

namespace KaizalaBot.Migration.Jobs;

/// <summary>
/// Where a migration lives in <see cref="IStorage"/>:
/// <list type="bullet">
/// <item><c>migrations/{id}</c>: the record (small, rewritten after each call of steps A and C);</item>
/// <item><c>migration-selections/{id}</c>: the selected users, written once;</item>
/// <item><c>migration-users/{id}/{userId}</c>: one outcome per user. Per-user documents rather than batches: each
/// write is a few hundred bytes whatever the migration's size, concurrent workers of step B never contend for an
/// ETag, and a crash loses at most the users whose call was in flight — which B re-reads before acting;</item>
/// <item><c>migration-active/{customer}/{subscription}</c>: the create-only slot of the active migration;</item>
/// <item><c>migration-runnable/{id}</c>: present while a runner should pick the migration up, so a runner lists only
/// live work instead of every migration ever run;</item>
/// <item><c>migration-sellers/{tenant}/{objectId}/{id}</c>: a seller's migrations, for "history".</item>
/// </list>
/// </summary>
public sealed class MigrationStore(IStorage storage, TimeProvider timeProvider)
{
    private const string RecordPrefix = "migrations/";
    private const string RunnablePrefix = "migration-runnable/";
    private const string NoticePrefix = "migration-notices/";

    public Task<StoredItem<MigrationRecord>?> ReadAsync(string id, CancellationToken cancellationToken) =>
        storage.ReadAsync<MigrationRecord>(RecordPrefix + id, MigrationJson.Options, cancellationToken);

    public Task<string> CreateAsync(MigrationRecord record, CancellationToken cancellationToken) =>
        CreateOwnAsync(RecordPrefix + record.Id, record, cancellationToken);

    /// <summary>Writes the record only if it is still the version read (throws <see cref="StorageConflictException"/> otherwise).</summary>
    public Task<string> ReplaceAsync(MigrationRecord record, string eTag, CancellationToken cancellationToken) =>
        storage.WriteAsync(RecordPrefix + record.Id, record, WriteCondition.IfMatch(eTag), MigrationJson.Options, cancellationToken);

    /// <summary>Optimistic read-modify-write for seller commands; <paramref name="change"/> may run several times.</summary>
    public async Task<MigrationRecord> UpdateAsync(string id, Func<MigrationRecord, MigrationRecord> change, CancellationToken cancellationToken)
    {
        var updated = await storage.UpdateAsync<MigrationRecord>(
            RecordPrefix + id,
            current => change(current ?? throw new MigrationNotFoundException(id)) with { UpdatedAt = timeProvider.GetUtcNow() },
            MigrationJson.Options,
            timeProvider,
            cancellationToken);
        return updated.Value;
    }

    public async IAsyncEnumerable<string> ListIdsAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var key in storage.ListKeysAsync(RecordPrefix, cancellationToken))
        {
            yield return key[RecordPrefix.Length..];
        }
    }

    // Selection --------------------------------------------------------------------------------------------

    public Task WriteSelectionAsync(MigrationSelection selection, CancellationToken cancellationToken) =>
        CreateOwnAsync("migration-selections/" + selection.MigrationId, selection, cancellationToken);

    public async Task<MigrationSelection> ReadSelectionAsync(string id, CancellationToken cancellationToken) =>
        (await storage.ReadAsync<MigrationSelection>("migration-selections/" + id, MigrationJson.Options, cancellationToken))?.Value
        ?? throw new MigrationNotFoundException(id);

    // Per-user outcomes --------------------------------------------------------------------------------------

    public Task WriteOutcomeAsync(string migrationId, UserOutcome outcome, CancellationToken cancellationToken) =>
        storage.WriteAsync(OutcomeKey(migrationId, outcome.UserId), outcome, WriteCondition.Unconditional, MigrationJson.Options, cancellationToken);

    public async Task<IReadOnlyDictionary<string, UserOutcome>> ReadOutcomesAsync(string migrationId, CancellationToken cancellationToken)
    {
        var prefix = OutcomeKey(migrationId, "");
        var outcomes = new Dictionary<string, UserOutcome>(StringComparer.OrdinalIgnoreCase);
        await foreach (var key in storage.ListKeysAsync(prefix, cancellationToken))
        {
            if (await storage.ReadAsync<UserOutcome>(key, MigrationJson.Options, cancellationToken) is { } item)
            {
                outcomes[item.Value.UserId] = item.Value;
            }
        }

        return outcomes;
    }

    // Indexes -------------------------------------------------------------------------------------------------

    /// <summary>Takes the (customer, subscription) slot; when it is taken, returns the index document holding it.</summary>
    public async Task<StoredItem<ActiveMigrationIndex>?> TryTakeSlotAsync(
        string customerId, string subscriptionId, string migrationId, CancellationToken cancellationToken)
    {
        var key = SlotKey(customerId, subscriptionId);
        try
        {
            await storage.WriteAsync(key, new ActiveMigrationIndex(migrationId, timeProvider.GetUtcNow()), WriteCondition.CreateOnly, MigrationJson.Options, cancellationToken);
            return null;
        }
        catch (StorageConflictException)
        {
            return await storage.ReadAsync<ActiveMigrationIndex>(key, MigrationJson.Options, cancellationToken)
                ?? new StoredItem<ActiveMigrationIndex>(key, new ActiveMigrationIndex("", timeProvider.GetUtcNow()), "*");
        }
    }

    public async Task<string?> ReadSlotAsync(string customerId, string subscriptionId, CancellationToken cancellationToken) =>
        (await storage.ReadAsync<ActiveMigrationIndex>(SlotKey(customerId, subscriptionId), MigrationJson.Options, cancellationToken))?.Value.MigrationId;

    /// <summary>Frees the slot of a cancelled migration (a completed one keeps it: the subscription is done).</summary>
    public Task ReleaseSlotAsync(string customerId, string subscriptionId, CancellationToken cancellationToken) =>
        storage.DeleteAsync(SlotKey(customerId, subscriptionId), WriteCondition.Unconditional, cancellationToken);

    /// <summary>Frees a slot found stale, only if it is still the version read (a new holder is never evicted).</summary>
    public async Task ReleaseStaleSlotAsync(StoredItem<ActiveMigrationIndex> slot, CancellationToken cancellationToken)
    {
        try
        {
            await storage.DeleteAsync(slot.Key, WriteCondition.IfMatch(slot.ETag), cancellationToken);
        }
        catch (StorageConflictException)
        {
            // Someone else freed or retook it: the next attempt to take it decides.
        }
    }

    public Task MarkRunnableAsync(string id, CancellationToken cancellationToken) =>
        storage.WriteAsync(RunnablePrefix + id, new { id }, WriteCondition.Unconditional, MigrationJson.Options, cancellationToken);

    public Task UnmarkRunnableAsync(string id, CancellationToken cancellationToken) =>
        storage.DeleteAsync(RunnablePrefix + id, WriteCondition.Unconditional, cancellationToken);

    /// <summary>
    /// The seller is owed the notice of this migration's end (finished, or needing attention), written before the runner
    /// lets go of it: the host's card queue is in memory, so an instance that dies between the two would leave the card
    /// stale and the summary unsent while the other instances run on. Cleared once the notice is shown.
    /// </summary>
    public Task MarkNoticeOwedAsync(string id, CancellationToken cancellationToken) =>
        storage.WriteAsync(NoticePrefix + id, new OwedNotice(id, timeProvider.GetUtcNow()), WriteCondition.Unconditional, MigrationJson.Options, cancellationToken);

    public Task ClearNoticeOwedAsync(string id, CancellationToken cancellationToken) =>
        storage.DeleteAsync(NoticePrefix + id, WriteCondition.Unconditional, cancellationToken);

    public async IAsyncEnumerable<OwedNotice> ListNoticesOwedAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var key in storage.ListKeysAsync(NoticePrefix, cancellationToken))
        {
            if (await storage.ReadAsync<OwedNotice>(key, MigrationJson.Options, cancellationToken) is { } notice)
            {
                yield return notice.Value;
            }
        }
    }

    public async IAsyncEnumerable<string> ListRunnableAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var key in storage.ListKeysAsync(RunnablePrefix, cancellationToken))
        {
            yield return key[RunnablePrefix.Length..];
        }
    }

    public Task IndexSellerAsync(MigrationRecord record, CancellationToken cancellationToken) =>
        storage.WriteAsync(SellerPrefix(record.RequestedBy) + record.Id, new { record.Id }, WriteCondition.Unconditional, MigrationJson.Options, cancellationToken);

    public async IAsyncEnumerable<string> ListSellerIdsAsync(SellerIdentity seller, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var prefix = SellerPrefix(seller);
        await foreach (var key in storage.ListKeysAsync(prefix, cancellationToken))
        {
            yield return key[prefix.Length..];
        }
    }

    private static string OutcomeKey(string migrationId, string userId) => $"migration-users/{migrationId}/{userId}";

    /// <summary>
    /// A create-only write of a key named by a migration id the caller has just drawn, which no other writer knows: a
    /// conflict there means the write landed on an attempt the Blob client retried (the retry answered 409
    /// BlobAlreadyExists), so the document found is this write's.
    /// </summary>
    private async Task<string> CreateOwnAsync<T>(string key, T value, CancellationToken cancellationToken)
    {
        try
        {
            return await storage.WriteAsync(key, value, WriteCondition.CreateOnly, MigrationJson.Options, cancellationToken);
        }
        catch (StorageConflictException)
        {
            if (await storage.ReadAsync<T>(key, MigrationJson.Options, cancellationToken) is { } landed)
            {
                return landed.ETag;
            }

            throw;
        }
    }

    private static string SlotKey(string customerId, string subscriptionId) =>
        $"migration-active/{customerId.ToUpperInvariant()}/{subscriptionId.ToUpperInvariant()}";

    private static string SellerPrefix(SellerIdentity seller) =>
        $"migration-sellers/{seller.TenantId.ToUpperInvariant()}/{seller.AadObjectId.ToUpperInvariant()}/";
}
