using System.Text.Json.Nodes;
using KaizalaBot.Migration.Expiry;
using KaizalaBot.Migration.Tests.Infrastructure;
using KaizalaBot.PartnerCenter;
using KaizalaBot.PartnerCenter.Models;
using KaizalaBot.Storage.Leases;
using KaizalaBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KaizalaBot.Migration.Tests.Expiry;

/// <summary>The expiry scan against the simulator's demo partner over real HTTP, in virtual time.</summary>
public sealed class ExpiryScannerTests
{
    [Fact]
    public async Task ScanAllAsync_DemoPartner_IndexesEveryKaizalaCustomerWithSeatsAndUsers()
    {
        await using var harness = await MigrationHarness.StartAsync();
        var scanner = harness.Primary.GetRequiredService<ExpiryScanner>();
        var index = harness.Primary.GetRequiredService<ExpiryIndex>();

        var result = await scanner.ScanAllAsync(CancellationToken.None).WithinAsync("a scan of the demo partner");

        Assert.Equal(40, result.CustomersScanned);
        Assert.Equal(25, result.KaizalaCustomers);
        Assert.Equal(0, result.CustomersFailed);
        var status = await index.GetStatusAsync(CancellationToken.None);
        Assert.True(status.IsReady);
        Assert.Equal(25, status.KaizalaCustomers);

        var kaizalaIds = (await harness.CustomersAsync()).Where(c => c["hasKaizala"]!.GetValue<bool>()).Select(c => c["id"]!.GetValue<string>()).ToList();
        var sample = (await index.ReadAsync(kaizalaIds[3], CancellationToken.None))!;
        var tenant = await harness.TenantAsync(kaizalaIds[3]);
        var kaizala = tenant["subscriptions"]!.AsArray().Select(s => s!.AsObject()).Single(s => s["offerName"]!.GetValue<string>() == "Kaizala Pro");
        var holders = tenant["users"]!.AsArray().Count(u => u!["assignedSkuIds"]!.AsArray().Any(id => id!.GetValue<string>() == kaizala["skuId"]!.GetValue<string>()));
        var subscription = Assert.Single(sample.Subscriptions);
        Assert.Equal(kaizala["id"]!.GetValue<string>(), subscription.SubscriptionId);
        Assert.Equal(kaizala["quantity"]!.GetValue<int>(), subscription.Seats);
        Assert.Equal(holders, subscription.AssignedUsers);
        Assert.Equal(subscription.Seats - holders, subscription.UnassignedSeats);
        Assert.False(subscription.AutoRenewEnabled);
        Assert.Equal(DateTimeOffset.Parse(kaizala["commitmentEndDate"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture), subscription.EndDate);
        Assert.NotNull(sample.CompanyName);
        Assert.NotNull(sample.Domain);
    }

    [Fact]
    public async Task ReadPageAsync_AfterAScan_PagesThroughEveryKaizalaCustomerMostUrgentFirst()
    {
        await using var harness = await MigrationHarness.StartAsync();
        var index = harness.Primary.GetRequiredService<ExpiryIndex>();
        await harness.Primary.GetRequiredService<ExpiryScanner>().ScanAllAsync(CancellationToken.None).WithinAsync("a scan");

        var pages = new List<ExpiryIndexPage>();
        string? next = null;
        do
        {
            var page = await index.ReadPageAsync(next, 10, CancellationToken.None);
            pages.Add(page);
            next = page.Next;
        }
        while (next is not null);

        Assert.Equal([10, 10, 5], pages.Select(p => p.Items.Count));
        var all = pages.SelectMany(p => p.Items).ToList();
        Assert.Equal(25, all.Select(e => e.CustomerId).Distinct().Count());
        var ends = all.Select(e => e.Lapsing.Min(s => s.EndDate)!.Value).ToList();
        Assert.Equal(ends.Order(), ends);
        Assert.True(all[0].Lapsing.First().DaysLeft < 0, "the already expired subscriptions come first");
        Assert.All(all.SelectMany(e => e.Subscriptions), s => Assert.Equal(
            KaizalaSubscriptionRules.DaysLeft(s.EndDate, harness.Clock.GetUtcNow()), s.DaysLeft));
    }

    [Fact]
    public async Task RefreshCustomerAsync_KaizalaSubscriptionSuspended_CustomerLeavesTheListingButKeepsItsEntry()
    {
        await using var harness = await MigrationHarness.StartAsync();
        var index = harness.Primary.GetRequiredService<ExpiryIndex>();
        var scanner = harness.Primary.GetRequiredService<ExpiryScanner>();
        await scanner.ScanAllAsync(CancellationToken.None).WithinAsync("a scan");
        var first = (await index.ReadPageAsync(null, 25, CancellationToken.None)).Items.First(e => e.Lapsing.Any(s => s.Status == SubscriptionStatus.Active));
        var subscriptionId = first.Lapsing.First(s => s.Status == SubscriptionStatus.Active).SubscriptionId;
        var client = harness.Primary.GetRequiredService<IPartnerCenterClient>();
        var read = await client.GetSubscriptionAsync(first.CustomerId, subscriptionId, CancellationToken.None);
        await client.PatchSubscriptionAsync(first.CustomerId, read with { Status = SubscriptionStatus.Suspended }, CancellationToken.None);

        var refreshed = await scanner.RefreshCustomerAsync(first.CustomerId, CancellationToken.None);

        Assert.Equal(SubscriptionStatus.Suspended, Assert.Single(refreshed!.Subscriptions).Status);
        Assert.Null(refreshed.OrderKey);
        Assert.Equal(first.CompanyName, refreshed.CompanyName);
        var listed = (await index.ReadPageAsync(null, 100, CancellationToken.None)).Items;
        Assert.Equal(24, listed.Count);
        Assert.DoesNotContain(listed, e => e.CustomerId == first.CustomerId);
    }

    [Fact]
    public async Task ScanAllAsync_EntryOfACustomerNoLongerThePartners_IsSwept()
    {
        await using var harness = await MigrationHarness.StartAsync();
        var index = harness.Primary.GetRequiredService<ExpiryIndex>();
        await index.SaveAsync(Entries.Lapsing("0000dead-0000-4000-8000-000000000001", harness.Clock.GetUtcNow().AddDays(3)), CancellationToken.None);

        var result = await harness.Primary.GetRequiredService<ExpiryScanner>().ScanAllAsync(CancellationToken.None).WithinAsync("a scan");

        Assert.Equal(1, result.EntriesRemoved);
        Assert.Null(await index.ReadAsync("0000dead-0000-4000-8000-000000000001", CancellationToken.None));
        Assert.Equal(25, (await index.ReadPageAsync(null, 100, CancellationToken.None)).Items.Count);
    }

    [Fact]
    public async Task ScanAllAsync_CustomersUnreadable_KeepsTheirPreviousEntriesAndCountsThem()
    {
        await using var harness = await MigrationHarness.StartAsync();
        var index = harness.Primary.GetRequiredService<ExpiryIndex>();
        var scanner = harness.Primary.GetRequiredService<ExpiryScanner>();
        await scanner.ScanAllAsync(CancellationToken.None).WithinAsync("a first scan");
        await harness.PutFaultsAsync(new { seed = 1, rules = new object[] { new { endpoint = "subscriptions.list", failureRate = 1.0, kind = "serverError" } } });

        var result = await scanner.ScanAllAsync(CancellationToken.None).WithinAsync("a scan where no subscription can be read");

        Assert.Equal(40, result.CustomersFailed);
        Assert.Equal(0, result.EntriesRemoved);
        Assert.Equal(25, (await index.ReadPageAsync(null, 100, CancellationToken.None)).Items.Count);
        Assert.Equal(40, (await index.GetStatusAsync(CancellationToken.None)).CustomersFailed);
    }

    [Fact]
    public async Task ScanAllAsync_CustomerListFails_ThrowsAndTheLastCompleteScanStands()
    {
        await using var harness = await MigrationHarness.StartAsync();
        var index = harness.Primary.GetRequiredService<ExpiryIndex>();
        var scanner = harness.Primary.GetRequiredService<ExpiryScanner>();
        var first = await scanner.ScanAllAsync(CancellationToken.None).WithinAsync("a first scan");
        await harness.PutFaultsAsync(new { seed = 1, rules = new object[] { new { endpoint = "customers.list", failureRate = 1.0, kind = "serverError" } } });

        // The clock pump steps virtual time every 250 ms of real time; on a fast run both scans can fall in
        // one step, so the failing scan is moved past the first one explicitly.
        harness.Clock.Advance(TimeSpan.FromMinutes(1));

        await Assert.ThrowsAsync<PartnerException>(() => scanner.ScanAllAsync(CancellationToken.None).WithinAsync("a failing scan"));

        var status = await index.GetStatusAsync(CancellationToken.None);
        Assert.Equal(first.ScanId, status.LastScanId);
        Assert.True(status.LastStartedAt > status.LastCompletedAt);
        Assert.Equal(25, (await index.ReadPageAsync(null, 100, CancellationToken.None)).Items.Count);
    }

    [Fact]
    public async Task ScanAllAsync_PartnerWideBudget_NeverCallsFasterThanConfigured()
    {
        await using var harness = await MigrationHarness.StartAsync(engineSettings: new Dictionary<string, string?> { ["Expiry:RequestsPerMinute"] = "120" });
        var started = harness.Clock.GetUtcNow();

        var result = await harness.Primary.GetRequiredService<ExpiryScanner>().ScanAllAsync(CancellationToken.None)
            .WithinAsync("a paced scan", TimeSpan.FromSeconds(60));

        // One customer page, 40 subscription lists and 25 subscribed-SKU reads at 2 per second: at least 32 s.
        var calls = 1 + 40 + 25;
        Assert.True(harness.Clock.GetUtcNow() - started >= TimeSpan.FromSeconds((calls / 2) - 1), $"{calls} calls took {harness.Clock.GetUtcNow() - started}");
        Assert.Equal(25, result.KaizalaCustomers);
    }

    [Fact]
    public async Task BuildIfAbsentAsync_OnlyOnceAndNeverWhileAnotherInstanceScans()
    {
        await using var harness = await MigrationHarness.StartAsync();
        var builder = harness.Primary.GetRequiredService<ExpiryIndexBuilder>();
        var leases = harness.Primary.GetRequiredService<ILeaseManager>();

        await using (var held = await leases.TryAcquireAsync(ExpiryIndexBuilder.LeaseName, TimeSpan.FromSeconds(60), CancellationToken.None))
        {
            Assert.Null(await builder.BuildIfAbsentAsync(CancellationToken.None));
        }

        var built = await builder.BuildIfAbsentAsync(CancellationToken.None).WithinAsync("the start-up build");
        var again = await builder.BuildIfAbsentAsync(CancellationToken.None);

        Assert.NotNull(built);
        Assert.Null(again);
        Assert.NotNull(await builder.ScanIfDueAsync(TimeSpan.Zero, CancellationToken.None).WithinAsync("a forced scan"));
    }
}
