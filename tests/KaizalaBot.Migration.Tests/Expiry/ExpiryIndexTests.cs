using KaizalaBot.Migration.Expiry;
using KaizalaBot.PartnerCenter.Models;
using KaizalaBot.Storage;
using KaizalaBot.Storage.Memory;
using Microsoft.Extensions.Time.Testing;

namespace KaizalaBot.Migration.Tests.Expiry;

/// <summary>The index's storage rules on their own: ordering, what is listed, crash leftovers.</summary>
public sealed class ExpiryIndexTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(Now);
    private readonly MemoryStorage _storage = new();
    private readonly ExpiryIndex _index;

    public ExpiryIndexTests()
    {
        _index = new ExpiryIndex(_storage, _time);
    }

    [Fact]
    public async Task ReadPageAsync_LapsingByEndDateThenRenewing_SuspendedNotListed()
    {
        var renewing = Entries.Lapsing("cccc0000-0000-4000-8000-000000000003", Now.AddDays(2));
        renewing = renewing with { Subscriptions = [renewing.Subscriptions[0] with { AutoRenewEnabled = true }] };
        var suspended = Entries.Lapsing("dddd0000-0000-4000-8000-000000000004", Now.AddDays(1));
        suspended = suspended with { Subscriptions = [suspended.Subscriptions[0] with { Status = SubscriptionStatus.Suspended }] };
        await _index.SaveAsync(Entries.Lapsing("aaaa0000-0000-4000-8000-000000000001", Now.AddDays(30)), CancellationToken.None);
        await _index.SaveAsync(renewing, CancellationToken.None);
        await _index.SaveAsync(suspended, CancellationToken.None);
        await _index.SaveAsync(Entries.Lapsing("bbbb0000-0000-4000-8000-000000000002", Now.AddDays(-3)), CancellationToken.None);

        var page = await _index.ReadPageAsync(null, 10, CancellationToken.None);

        Assert.Equal(["bbbb", "aaaa", "cccc"], page.Items.Select(e => e.CustomerId[..4]));
        Assert.Null(page.Next);
        Assert.Equal(-3, page.Items[0].Subscriptions[0].DaysLeft);
        Assert.NotNull(await _index.ReadAsync("DDDD0000-0000-4000-8000-000000000004", CancellationToken.None));
    }

    [Fact]
    public async Task SaveAsync_EndDateMoves_CustomerIsListedOnceAtItsNewPlace()
    {
        var entry = Entries.Lapsing("aaaa0000-0000-4000-8000-000000000001", Now.AddDays(30));
        await _index.SaveAsync(entry, CancellationToken.None);
        await _index.SaveAsync(Entries.Lapsing("bbbb0000-0000-4000-8000-000000000002", Now.AddDays(20)), CancellationToken.None);

        await _index.SaveAsync(entry with { Subscriptions = [entry.Subscriptions[0] with { EndDate = Now.AddDays(10) }] }, CancellationToken.None);

        var page = await _index.ReadPageAsync(null, 10, CancellationToken.None);
        Assert.Equal(["aaaa", "bbbb"], page.Items.Select(e => e.CustomerId[..4]));
        Assert.Equal(2, await CountAsync("expiry/order/"));
    }

    [Fact]
    public async Task SaveAsync_SamePlaceAgain_LeavesTheMarkerAsItIs_AndALostMarkerComesBack()
    {
        var entry = Entries.Lapsing("aaaa0000-0000-4000-8000-000000000001", Now.AddDays(30));
        await _index.SaveAsync(entry, CancellationToken.None);
        const string marker = "expiry/order/0-20261231090000-aaaa0000-0000-4000-8000-000000000001";
        var written = await _storage.ReadAsync(marker, CancellationToken.None);

        // A refresh that finds the customer where it was: the entry is written again, its marker is not.
        await _index.SaveAsync(entry with { ScannedAt = Now }, CancellationToken.None);
        Assert.Equal(written!.ETag, (await _storage.ReadAsync(marker, CancellationToken.None))!.ETag);
        Assert.Equal(Now, (await _index.ReadAsync(entry.CustomerId, CancellationToken.None))!.ScannedAt);

        // A crash lost the marker: the customer's next save, at the same place, writes it again.
        await _storage.DeleteAsync(marker, WriteCondition.Unconditional, CancellationToken.None);
        Assert.Empty((await _index.ReadPageAsync(null, 10, CancellationToken.None)).Items);
        await _index.SaveAsync(entry with { ScannedAt = Now.AddMinutes(1) }, CancellationToken.None);
        Assert.Equal(["aaaa"], (await _index.ReadPageAsync(null, 10, CancellationToken.None)).Items.Select(e => e.CustomerId[..4]));
    }

    [Fact]
    public async Task ReadPageAsync_StaleMarkerLeftByACrash_IsSkippedThenSwept()
    {
        var entry = Entries.Lapsing("aaaa0000-0000-4000-8000-000000000001", Now.AddDays(30)) with { ScanId = "scan-1" };
        await _index.SaveAsync(entry, CancellationToken.None);
        // A crash between writing a new marker and the entry that names it.
        await _storage.WriteAsync("expiry/order/0-20261202000000-aaaa0000-0000-4000-8000-000000000001",
            System.Text.Json.JsonSerializer.SerializeToElement(new { customerId = "aaaa0000-0000-4000-8000-000000000001" }),
            WriteCondition.Unconditional, CancellationToken.None);

        var page = await _index.ReadPageAsync(null, 10, CancellationToken.None);
        var removed = await _index.SweepAsync("scan-1", Now.AddMinutes(-1), _ => false, CancellationToken.None);

        Assert.Single(page.Items);
        Assert.Equal(0, removed);
        Assert.Equal(1, await CountAsync("expiry/order/"));
        Assert.Single((await _index.ReadPageAsync(null, 10, CancellationToken.None)).Items);
    }

    [Fact]
    public async Task SweepAsync_KeepsWhatTheScanCouldNotReadAndWhatWasRefreshedDuringIt()
    {
        await _index.SaveAsync(Entries.Lapsing("aaaa0000-0000-4000-8000-000000000001", Now.AddDays(5)), CancellationToken.None);
        await _index.SaveAsync(Entries.Lapsing("bbbb0000-0000-4000-8000-000000000002", Now.AddDays(5)), CancellationToken.None);
        var refreshed = Entries.Lapsing("cccc0000-0000-4000-8000-000000000003", Now.AddDays(5)) with { ScannedAt = Now.AddMinutes(1) };
        await _index.SaveAsync(refreshed, CancellationToken.None);

        var removed = await _index.SweepAsync("scan-2", Now, id => id.StartsWith("bbbb", StringComparison.Ordinal), CancellationToken.None);

        Assert.Equal(1, removed);
        Assert.Null(await _index.ReadAsync("aaaa0000-0000-4000-8000-000000000001", CancellationToken.None));
        Assert.Equal(["bbbb", "cccc"], (await _index.ReadPageAsync(null, 10, CancellationToken.None)).Items.Select(e => e.CustomerId[..4]));
    }

    private async Task<int> CountAsync(string prefix)
    {
        var count = 0;
        await foreach (var _ in _storage.ListKeysAsync(prefix, CancellationToken.None))
        {
            count++;
        }

        return count;
    }
}
