using System.Runtime.CompilerServices;
using KaizalaBot.Migration.Jobs;
using KaizalaBot.Storage;

namespace KaizalaBot.Migration.Reminders;

/// <summary>
/// Where the reminders live in <see cref="IStorage"/>:
/// <list type="bullet">
/// <item><c>reminders/outbox/{recipient}</c>: pending reminders and the digest in flight (exists only while there is work);</item>
/// <item><c>reminders/sent/{recipient}/{subscription}/{occasion}</c>: the create-only ledger, one per reminder;</item>
/// <item><c>reminders/snoozes/{recipient}/{subscription}</c>, <c>reminders/owners/{customer}</c>;</item>
/// <item><c>reminders/state</c>: when the index was last checked for due reminders.</item>
/// </list>
/// </summary>
public sealed class ReminderStore(IStorage storage, TimeProvider time)
{
    private const string OutboxPrefix = "reminders/outbox/";
    private const string SentPrefix = "reminders/sent/";
    private const string SnoozePrefix = "reminders/snoozes/";
    private const string OwnerPrefix = "reminders/owners/";
    private const string StateKey = "reminders/state";
    private const int MaxAttempts = 16;

    public Task<StoredItem<ReminderOutbox>?> ReadOutboxAsync(string recipientKey, CancellationToken cancellationToken) =>
        storage.ReadAsync<ReminderOutbox>(OutboxPrefix + recipientKey, MigrationJson.Options, cancellationToken);

    /// <summary>Recipients with pending work.</summary>
    public async IAsyncEnumerable<string> ListOutboxesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var key in storage.ListKeysAsync(OutboxPrefix, cancellationToken))
        {
            yield return key[OutboxPrefix.Length..];
        }
    }

    /// <summary>
    /// Read-modify-write of an outbox under its ETag (creating it when <paramref name="create"/> is given). The change
    /// returns null to leave it as it is; it may run several times. Returns the outbox as written (or as read).
    /// </summary>
    public async Task<ReminderOutbox?> UpdateOutboxAsync(
        string recipientKey, Func<ReminderOutbox, ReminderOutbox?> change, ReminderOutbox? create, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var stored = await ReadOutboxAsync(recipientKey, cancellationToken);
            var current = stored?.Value ?? create;
            if (current is null || change(current) is not { } next)
            {
                return current;
            }

            try
            {
                var condition = stored is null ? WriteCondition.CreateOnly : WriteCondition.IfMatch(stored.ETag);
                await storage.WriteAsync(OutboxPrefix + recipientKey, next, condition, MigrationJson.Options, cancellationToken);
                return next;
            }
            catch (StorageConflictException) when (attempt < MaxAttempts)
            {
                // The planner queued more (or another pass moved it on): apply the change to what is there now.
            }
        }
    }

    /// <summary>Deletes the outbox if it is still the version read and empty (a planner that queued meanwhile wins).</summary>
    public async Task<bool> TryDeleteOutboxAsync(StoredItem<ReminderOutbox> read, CancellationToken cancellationToken)
    {
        try
        {
            await storage.DeleteAsync(read.Key, WriteCondition.IfMatch(read.ETag), cancellationToken);
            return true;
        }
        catch (StorageConflictException)
        {
            return false;
        }
    }

    /// <summary>The recipient's ledger, as <c>{subscription}/{occasion}</c> keys.</summary>
    public async Task<HashSet<string>> ReadSentKeysAsync(string recipientKey, CancellationToken cancellationToken)
    {
        var prefix = $"{SentPrefix}{recipientKey}/";
        var keys = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var key in storage.ListKeysAsync(prefix, cancellationToken))
        {
            keys.Add(key[prefix.Length..]);
        }

        return keys;
    }

    public Task<StoredItem<SentReminder>?> ReadSentAsync(string recipientKey, string reminderKey, CancellationToken cancellationToken) =>
        storage.ReadAsync<SentReminder>($"{SentPrefix}{recipientKey}/{reminderKey}", MigrationJson.Options, cancellationToken);

    /// <summary>Records how a reminder ended; the first record stands (a repeat after a crash changes nothing).</summary>
    public async Task RecordAsync(string recipientKey, ReminderItem item, SentReminder record, CancellationToken cancellationToken)
    {
        try
        {
            await storage.WriteAsync($"{SentPrefix}{recipientKey}/{item.Key}", record, WriteCondition.CreateOnly, MigrationJson.Options, cancellationToken);
        }
        catch (StorageConflictException)
        {
            // Already recorded by the pass that crashed after recording it.
        }
    }

    public async Task<ReminderSnooze?> ReadSnoozeAsync(string recipientKey, string subscriptionId, CancellationToken cancellationToken) =>
        (await storage.ReadAsync<ReminderSnooze>(SnoozeKey(recipientKey, subscriptionId), MigrationJson.Options, cancellationToken))?.Value;

    public async Task<HashSet<string>> ListSnoozedSubscriptionsAsync(string recipientKey, CancellationToken cancellationToken)
    {
        var prefix = $"{SnoozePrefix}{recipientKey}/";
        var ids = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var key in storage.ListKeysAsync(prefix, cancellationToken))
        {
            ids.Add(key[prefix.Length..]);
        }

        return ids;
    }

    public Task WriteSnoozeAsync(string recipientKey, string subscriptionId, ReminderSnooze snooze, CancellationToken cancellationToken) =>
        storage.WriteAsync(SnoozeKey(recipientKey, subscriptionId), snooze, WriteCondition.Unconditional, MigrationJson.Options, cancellationToken);

    public Task<StoredItem<CustomerOwner>?> ReadOwnerAsync(string customerId, CancellationToken cancellationToken) =>
        storage.ReadAsync<CustomerOwner>(OwnerKey(customerId), MigrationJson.Options, cancellationToken);

    /// <summary>Creates the owner record; false when someone owns the customer already.</summary>
    public async Task<bool> TryCreateOwnerAsync(CustomerOwner owner, CancellationToken cancellationToken)
    {
        try
        {
            await storage.WriteAsync(OwnerKey(owner.CustomerId), owner, WriteCondition.CreateOnly, MigrationJson.Options, cancellationToken);
            return true;
        }
        catch (StorageConflictException)
        {
            return false;
        }
    }

    /// <summary>Deletes the owner record if it is still the version read.</summary>
    public async Task<bool> TryDeleteOwnerAsync(StoredItem<CustomerOwner> read, CancellationToken cancellationToken)
    {
        try
        {
            await storage.DeleteAsync(read.Key, WriteCondition.IfMatch(read.ETag), cancellationToken);
            return true;
        }
        catch (StorageConflictException)
        {
            return false;
        }
    }

    public async Task<DateTimeOffset?> ReadLastPlannedAsync(CancellationToken cancellationToken) =>
        (await storage.ReadAsync<WorkerState>(StateKey, MigrationJson.Options, cancellationToken))?.Value.LastPlannedAt;

    public Task WriteLastPlannedAsync(DateTimeOffset at, CancellationToken cancellationToken) =>
        storage.UpdateAsync<WorkerState>(StateKey, _ => new WorkerState(at), MigrationJson.Options, time, cancellationToken);

    private static string SnoozeKey(string recipientKey, string subscriptionId) => $"{SnoozePrefix}{recipientKey}/{subscriptionId.ToLowerInvariant()}";

    private static string OwnerKey(string customerId) => OwnerPrefix + customerId.ToLowerInvariant();

    private sealed record WorkerState(DateTimeOffset LastPlannedAt);
}
