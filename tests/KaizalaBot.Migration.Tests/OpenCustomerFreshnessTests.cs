using KaizalaBot.Migration.Expiry;
using KaizalaBot.Migration.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace KaizalaBot.Migration.Tests;

/// <summary>
/// A seller opening a customer (<see cref="ExpiryScanner.OpenCustomerAsync"/>): served from this instance's read of it
/// while younger than <c>Migration:CustomerReadLifetime</c> and the index entry is as recent, read from Partner Center
/// otherwise; the review's checks read it whatever was opened.
/// </summary>
public sealed class OpenCustomerFreshnessTests
{
    [Fact]
    public async Task Open_RightAfterARead_ReadsNothing_AndOnceTheLifetimeHasPassedReadsAgain()
    {
        await using var harness = await MigrationHarness.StartAsync();
        var customerId = (await harness.ActiveKaizalaAsync())[0].CustomerId;
        var refreshed = await Scanner(harness).RefreshCustomerAsync(customerId, CancellationToken.None);
        harness.Requests.Clear();

        harness.Clock.Advance(TimeSpan.FromSeconds(59));
        var opened = await Scanner(harness).OpenCustomerAsync(customerId, CancellationToken.None);
        Assert.Equal(refreshed!.Subscriptions, opened!.Subscriptions);
        Assert.Equal(0, CustomerReads(harness, customerId));

        harness.Clock.Advance(TimeSpan.FromSeconds(1));
        var reopened = await Scanner(harness).OpenCustomerAsync(customerId, CancellationToken.None);
        Assert.Equal(2, CustomerReads(harness, customerId));
        Assert.True(reopened!.ScannedAt > refreshed.ScannedAt);
    }

    [Fact]
    public async Task Open_ACustomerWhoseEntryWasDropped_ReadsAgain_AndTheReviewReadsWhateverWasOpened()
    {
        await using var harness = await MigrationHarness.StartAsync();
        var source = (await harness.ActiveKaizalaAsync())[0];
        await Scanner(harness).RefreshCustomerAsync(source.CustomerId, CancellationToken.None);

        // A later read found no Kaizala Pro and dropped the entry: the seller's earlier read is not what is shown.
        await harness.Primary.GetRequiredService<ExpiryIndex>().RemoveAsync(source.CustomerId, CancellationToken.None);
        harness.Requests.Clear();
        Assert.NotNull(await Scanner(harness).OpenCustomerAsync(source.CustomerId, CancellationToken.None));
        Assert.Equal(2, CustomerReads(harness, source.CustomerId));

        var plan = (await harness.Planner.GetPlanOptionsAsync(source.CustomerId, 1, CancellationToken.None))[0];
        var draft = await harness.DraftAsync(source, plan.Plan.Id, maxUsers: 1);
        await Scanner(harness).OpenCustomerAsync(source.CustomerId, CancellationToken.None);
        harness.Requests.Clear();
        await harness.Planner.PreviewAsync(draft, CancellationToken.None);
        Assert.Equal(2, CustomerReads(harness, source.CustomerId));
    }

    [Fact]
    public async Task Open_WithAZeroLifetime_ReadsEveryTime()
    {
        await using var harness = await MigrationHarness.StartAsync(engineSettings: new Dictionary<string, string?> { ["Migration:CustomerReadLifetime"] = "00:00:00" });
        var customerId = (await harness.ActiveKaizalaAsync())[0].CustomerId;
        await Scanner(harness).OpenCustomerAsync(customerId, CancellationToken.None);
        harness.Requests.Clear();

        await Scanner(harness).OpenCustomerAsync(customerId, CancellationToken.None);

        Assert.Equal(2, CustomerReads(harness, customerId));
    }

    private static ExpiryScanner Scanner(MigrationHarness harness) => harness.Primary.GetRequiredService<ExpiryScanner>();

    private static int CustomerReads(MigrationHarness harness, string customerId) =>
        harness.Requests.Count(r => r.Path.EndsWith($"/customers/{customerId}/subscriptions", StringComparison.OrdinalIgnoreCase)
            || r.Path.EndsWith($"/customers/{customerId}/subscribedskus", StringComparison.OrdinalIgnoreCase));
}
