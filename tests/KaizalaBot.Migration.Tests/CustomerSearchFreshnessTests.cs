using KaizalaBot.Migration.Expiry;
using KaizalaBot.Migration.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace KaizalaBot.Migration.Tests;

/// <summary>
/// The planner's customer search against the simulator: the same search within <c>Migration:CustomerReadLifetime</c> is
/// answered without a call and read again after it; a failed search keeps nothing; and what a seller acts on (the customer
/// chosen, the review's checks) is read from Partner Center whatever was searched.
/// </summary>
public sealed class CustomerSearchFreshnessTests
{
    [Fact]
    public async Task TheSameSearch_WithinTheLifetime_CallsNothing_AndAfterItReadsAgain()
    {
        await using var harness = await MigrationHarness.StartAsync();
        var domain = await DomainAsync(harness);
        var first = await harness.Planner.FindCustomersAsync(domain, CancellationToken.None);
        Assert.NotEmpty(first);
        Assert.Equal(2, Searches(harness));

        harness.Requests.Clear();
        harness.Clock.Advance(TimeSpan.FromSeconds(59));
        var again = await harness.Planner.FindCustomersAsync(domain.ToUpperInvariant(), CancellationToken.None);
        Assert.Equal(first, again);
        Assert.Equal(0, harness.Requests.Count(_ => true));

        harness.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(first, await harness.Planner.FindCustomersAsync(domain, CancellationToken.None));
        Assert.Equal(2, Searches(harness));
    }

    [Fact]
    public async Task AFailedSearch_KeepsNothing_TheNextOneAsksPartnerCenter()
    {
        await using var harness = await MigrationHarness.StartAsync();
        var domain = await DomainAsync(harness);
        await harness.SetFaultRulesAsync(MigrationHarness.Always("customers.list", "serverError"));
        await using (new ClockPump(harness.Clock, TimeSpan.FromSeconds(5)))
        {
            // The client's retries wait on the virtual clock: the pump moves it on until they give up.
            await Assert.ThrowsAsync<PartnerCenter.PartnerException>(() => harness.Planner.FindCustomersAsync(domain, CancellationToken.None));
        }

        await harness.SetFaultRulesAsync();
        harness.Requests.Clear();
        Assert.NotEmpty(await harness.Planner.FindCustomersAsync(domain, CancellationToken.None));
        Assert.Equal(2, Searches(harness));
    }

    [Fact]
    public async Task ChoosingTheFoundCustomer_AndItsReview_ReadPartnerCenter_RightAfterTheSearch()
    {
        await using var harness = await MigrationHarness.StartAsync();
        var source = (await harness.ActiveKaizalaAsync())[0];
        var domain = (await harness.CustomersAsync()).Single(c => c["id"]!.GetValue<string>() == source.CustomerId)["domain"]!.GetValue<string>();
        await harness.Planner.FindCustomersAsync(domain, CancellationToken.None);
        harness.Requests.Clear();

        await harness.Primary.GetRequiredService<ExpiryScanner>().RefreshCustomerAsync(source.CustomerId, CancellationToken.None);
        Assert.Equal(2, CustomerReads(harness, source.CustomerId));

        await harness.Planner.FindCustomersAsync(domain, CancellationToken.None);
        harness.Requests.Clear();
        var plan = (await harness.Planner.GetPlanOptionsAsync(source.CustomerId, 1, CancellationToken.None))[0];
        var draft = await harness.DraftAsync(source, plan.Plan.Id, maxUsers: 1);
        harness.Requests.Clear();
        await harness.Planner.PreviewAsync(draft, CancellationToken.None);
        Assert.Equal(2, CustomerReads(harness, source.CustomerId));
    }

    private static async Task<string> DomainAsync(MigrationHarness harness) =>
        (await harness.CustomersAsync())[0]["domain"]!.GetValue<string>();

    private static int Searches(MigrationHarness harness) =>
        harness.Requests.Count(r => r.Method == "GET" && r.Path.EndsWith("/customers", StringComparison.Ordinal));

    private static int CustomerReads(MigrationHarness harness, string customerId) =>
        harness.Requests.Count(r => r.Path.EndsWith($"/customers/{customerId}/subscriptions", StringComparison.OrdinalIgnoreCase)
            || r.Path.EndsWith($"/customers/{customerId}/subscribedskus", StringComparison.OrdinalIgnoreCase));
}
