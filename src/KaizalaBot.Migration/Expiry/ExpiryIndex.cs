using System.Globalization;
using System.Runtime.CompilerServices;
using KaizalaBot.Migration.Jobs;
using KaizalaBot.Migration.Planning;
using KaizalaBot.Storage;

namespace KaizalaBot.Migration.Expiry;

/// <summary>
/// The expiry index in <see cref="IStorage"/> (architecture §6): what the last scan found per customer, so a turn never
/// scans Partner Center. Layout:
/// <list type="bullet">
/// <item><c>expiry/customers/{customer}</c>: the customer's entry;</item>
/// <item><c>expiry/order/{rank}-{end date}-{customer}</c>: an empty marker per listed customer, whose key sorts "most
/// urgent first" (lapsing subscriptions before renewing ones, then the earliest end date), so a page of the listing is a
/// key listing plus one read per customer shown, whatever the partner's size;</item>
/// <item><c>expiry/status</c>: whether a full scan completed, and its figures.</item>
/// </list>
/// A marker is written before its entry and the previous one removed after, so a crash leaves at most a stale marker,
/// which readers skip (its entry names another key) and the next full scan removes.
/// </summary>
public sealed class ExpiryIndex(IStorage storage, TimeProvider time)
{
    private const string CustomerPrefix = "expiry/customers/";
    private const string OrderPrefix = "expiry/order/";
    private const string StatusKey = "expiry/status";

    // "{rank}-{yyyyMMddHHmmss}-": the customer id follows at this position.
    private const int OrderHeaderLength = 17;
    private const int MaxSaveAttempts = 8;

    public async Task<ExpiryIndexStatus> GetStatusAsync(CancellationToken cancellationToken) =>
        (await storage.ReadAsync<ExpiryIndexStatus>(StatusKey, MigrationJson.Options, cancellationToken))?.Value ?? ExpiryIndexStatus.Empty;

    /// <summary>The customer's entry, days left counted from now; null when the customer holds no Kaizala Pro (or was never scanned).</summary>
    public async Task<ExpiryIndexEntry?> ReadAsync(string customerId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(customerId);
        return (await ReadStoredAsync(customerId, cancellationToken))?.Value is { } entry ? AsOfNow(entry) : null;
    }

    /// <summary>
    /// Customers holding a live Kaizala Pro subscription, most urgent first: those whose subscription will lapse (auto-renew
    /// off, or already expired) by end date, then those that renew. <paramref name="after"/> is the previous page's
    /// <see cref="ExpiryIndexPage.Next"/> (null for the first page).
    /// </summary>
    public async Task<ExpiryIndexPage> ReadPageAsync(string? after, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        var items = new List<ExpiryIndexEntry>(pageSize);
        string? last = null;
        await foreach (var (orderKey, entry) in ListAsync(after, cancellationToken))
        {
            if (items.Count == pageSize)
            {
                return new ExpiryIndexPage(items, last);
            }

            items.Add(entry);
            last = orderKey;
        }

        return new ExpiryIndexPage(items, null);
    }

    /// <summary>Every listed customer, most urgent first, streamed (the reminders read the whole index this way).</summary>
    public async IAsyncEnumerable<ExpiryIndexEntry> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var (_, entry) in ListAsync(null, cancellationToken))
        {
            yield return entry;
        }
    }

    /// <summary>Writes a customer's entry (its Kaizala subscriptions as just read), replacing whatever was there.</summary>
    internal async Task SaveAsync(ExpiryIndexEntry entry, CancellationToken cancellationToken)
    {
        var orderKey = OrderKeyOf(entry);
        var saved = entry with { CustomerId = Normalize(entry.CustomerId), OrderKey = orderKey };
        for (var attempt = 1; ; attempt++)
        {
            var existing = await ReadStoredAsync(saved.CustomerId, cancellationToken);
            // Written unless the customer's place is unchanged and its marker is there: a marker lost to a crash comes back
            // with the customer's next save. Checking costs a read where rewriting it cost a durable write, on every
            // refresh of a customer a seller opens (with file state, one fsync and one new file of eight in a walk).
            if (orderKey is not null
                && (existing?.Value.OrderKey != orderKey || await storage.ReadAsync(OrderPrefix + orderKey, cancellationToken) is null))
            {
                await storage.WriteAsync(OrderPrefix + orderKey, new OrderMarker(saved.CustomerId), WriteCondition.Unconditional, MigrationJson.Options, cancellationToken);
            }

            var condition = existing is null ? WriteCondition.CreateOnly : WriteCondition.IfMatch(existing.ETag);
            try
            {
                await storage.WriteAsync(CustomerPrefix + saved.CustomerId, saved, condition, MigrationJson.Options, cancellationToken);
            }
            catch (StorageConflictException) when (attempt < MaxSaveAttempts)
            {
                // An on-demand refresh and the scan wrote the same customer at once: both read Partner Center just now,
                // so writing again over the other is right; the marker written above is checked against the entry by readers.
                continue;
            }

            if (existing?.Value.OrderKey is { } previous && previous != orderKey)
            {
                await storage.DeleteAsync(OrderPrefix + previous, WriteCondition.Unconditional, cancellationToken);
            }

            return;
        }
    }

    /// <summary>Forgets a customer (no Kaizala Pro any more, or no longer the partner's).</summary>
    internal async Task RemoveAsync(string customerId, CancellationToken cancellationToken)
    {
        var id = Normalize(customerId);
        if (await ReadStoredAsync(id, cancellationToken) is not { } existing)
        {
            return;
        }

        try
        {
            await storage.DeleteAsync(CustomerPrefix + id, WriteCondition.IfMatch(existing.ETag), cancellationToken);
        }
        catch (StorageConflictException)
        {
            return;   // Refreshed meanwhile: the newer entry stands.
        }

        if (existing.Value.OrderKey is { } orderKey)
        {
            await storage.DeleteAsync(OrderPrefix + orderKey, WriteCondition.Unconditional, cancellationToken);
        }
    }

    /// <summary>
    /// After a complete scan: removes the entries it did not write (customers without Kaizala Pro any more, or gone),
    /// except those refreshed on demand since it started and those it failed to read, then stale order markers.
    /// Streams the keys, so memory does not grow with the partner.
    /// </summary>
    internal async Task<int> SweepAsync(string scanId, DateTimeOffset scanStartedAt, Func<string, bool> failedThisScan, CancellationToken cancellationToken)
    {
        var removed = 0;
        await foreach (var key in storage.ListKeysAsync(CustomerPrefix, cancellationToken))
        {
            var customerId = key[CustomerPrefix.Length..];
            if (await ReadStoredAsync(customerId, cancellationToken) is { } stored
                && stored.Value.ScanId != scanId && stored.Value.ScannedAt < scanStartedAt && !failedThisScan(customerId))
            {
                await RemoveAsync(customerId, cancellationToken);
                removed++;
            }
        }

        await foreach (var key in storage.ListKeysAsync(OrderPrefix, cancellationToken))
        {
            var orderKey = key[OrderPrefix.Length..];
            if (await ReadStoredAsync(CustomerOf(orderKey), cancellationToken) is not { } stored || stored.Value.OrderKey != orderKey)
            {
                await storage.DeleteAsync(key, WriteCondition.Unconditional, cancellationToken);
            }
        }

        return removed;
    }

    internal Task<ExpiryIndexStatus> MarkScanStartedAsync(DateTimeOffset startedAt, CancellationToken cancellationToken) =>
        UpdateStatusAsync(s => s with { LastStartedAt = startedAt }, cancellationToken);

    internal Task<ExpiryIndexStatus> MarkScanCompletedAsync(ExpiryScanResult result, DateTimeOffset completedAt, CancellationToken cancellationToken) =>
        UpdateStatusAsync(
            s => s with
            {
                FirstCompletedAt = s.FirstCompletedAt ?? completedAt,
                LastCompletedAt = completedAt,
                LastScanId = result.ScanId,
                CustomersScanned = result.CustomersScanned,
                KaizalaCustomers = result.KaizalaCustomers,
                CustomersFailed = result.CustomersFailed,
            },
            cancellationToken);

    private async Task<ExpiryIndexStatus> UpdateStatusAsync(Func<ExpiryIndexStatus, ExpiryIndexStatus> change, CancellationToken cancellationToken) =>
        (await storage.UpdateAsync<ExpiryIndexStatus>(StatusKey, s => change(s ?? ExpiryIndexStatus.Empty), MigrationJson.Options, time, cancellationToken)).Value;

    private async IAsyncEnumerable<(string OrderKey, ExpiryIndexEntry Entry)> ListAsync(
        string? after, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var key in storage.ListKeysAsync(OrderPrefix, cancellationToken))
        {
            var orderKey = key[OrderPrefix.Length..];
            if (after is not null && string.CompareOrdinal(orderKey, after) <= 0)
            {
                continue;
            }

            // A marker whose entry names another key is left over from a crash or a concurrent move: not a customer.
            if (await ReadStoredAsync(CustomerOf(orderKey), cancellationToken) is { Value: var entry } && entry.OrderKey == orderKey)
            {
                yield return (orderKey, AsOfNow(entry));
            }
        }
    }

    private Task<StoredItem<ExpiryIndexEntry>?> ReadStoredAsync(string customerId, CancellationToken cancellationToken) =>
        storage.ReadAsync<ExpiryIndexEntry>(CustomerPrefix + Normalize(customerId), MigrationJson.Options, cancellationToken);

    private ExpiryIndexEntry AsOfNow(ExpiryIndexEntry entry)
    {
        var now = time.GetUtcNow();
        return entry with
        {
            Subscriptions = [.. entry.Subscriptions.Select(s => s with { DaysLeft = KaizalaSubscriptionRules.DaysLeft(s.EndDate, now) })],
        };
    }

    /// <summary>Rank 0: something will lapse, by its earliest end; rank 1: only renewing subscriptions; none: nothing live.</summary>
    private static string? OrderKeyOf(ExpiryIndexEntry entry)
    {
        var lapsing = entry.Subscriptions.Where(s => s.WillLapse()).ToList();
        var ranked = lapsing.Count > 0 ? lapsing : [.. entry.Subscriptions.Where(s => s.IsLive())];
        if (ranked.Count == 0)
        {
            return null;
        }

        var earliest = ranked.Min(s => s.EndDate ?? DateTimeOffset.MaxValue);
        var rank = lapsing.Count > 0 ? '0' : '1';
        return string.Create(CultureInfo.InvariantCulture, $"{rank}-{earliest.UtcDateTime:yyyyMMddHHmmss}-{Normalize(entry.CustomerId)}");
    }

    private static string CustomerOf(string orderKey) => orderKey.Length > OrderHeaderLength ? orderKey[OrderHeaderLength..] : orderKey;

    // Partner Center ids are GUIDs whose case varies between endpoints.
    private static string Normalize(string customerId) => customerId.ToLowerInvariant();

    private sealed record OrderMarker(string CustomerId);
}
