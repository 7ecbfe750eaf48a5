using KaizalaBot.Migration.Expiry;
using KaizalaBot.Migration.Planning;
using KaizalaBot.Migration.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace KaizalaBot.Migration.Tests;

/// <summary>
/// What may be a little old and what may not: the plan options reuse the customer's reads of a seller's choice for
/// <c>Migration:CustomerReadLifetime</c> and show a change once it has passed; the review's pre-flight checks always see
/// Partner Center as it is now.
/// </summary>
public sealed class PlanOptionsFreshnessTests
{
    [Fact]
    public async Task ACustomerChangedAfterItWasChosen_ThePreviewSeesItAtOnce_ThePlanOptionsOnceTheLifetimeHasPassed()
    {
        await using var harness = await MigrationHarness.StartAsync();
        var (source, held, holders) = await harness.HoldingAPlanAsync(
            (h, users) => h.FreeSeats >= 1 && users.Any(u => !u.OtherSkuIds.Contains(h.Plan.SkuId, StringComparer.OrdinalIgnoreCase)));
        await harness.Primary.GetRequiredService<ExpiryScanner>().RefreshCustomerAsync(source.CustomerId, CancellationToken.None);

        // The customer's administrator gives one of the plan's free seats away, outside the bot.
        var user = holders.First(u => !u.OtherSkuIds.Contains(held.Plan.SkuId, StringComparer.OrdinalIgnoreCase));
        await harness.ChangeLicencesAsync(source.CustomerId, user.Id, assign: held.Plan.SkuId);
        var draft = (await harness.DraftAsync(source, held.Plan.Id, maxUsers: 1)) with
        {
            PurchaseKind = PurchaseKind.AddSeats, ExistingSubscriptionId = held.SubscriptionId,
        };

        var preview = await harness.Planner.PreviewAsync(draft, CancellationToken.None);
        Assert.Equal(held.FreeSeats - 1, preview.Target!.FreeSeats);

        harness.Clock.Advance(TimeSpan.FromMinutes(1));
        var options = await harness.Planner.GetPlanOptionsAsync(source.CustomerId, 1, CancellationToken.None);
        Assert.Equal(held.FreeSeats - 1, options.Single(o => o.Existing?.SubscriptionId == held.SubscriptionId).Existing!.FreeSeats);
    }

    [Fact]
    public async Task PlanOptions_RightAfterTheCustomerWasChosen_ReadNothing()
    {
        await using var harness = await MigrationHarness.StartAsync(engineSettings: new Dictionary<string, string?> { ["Migration:CustomerReadLifetime"] = "00:05:00" });
        var customerId = (await harness.ActiveKaizalaAsync())[0].CustomerId;
        await harness.Primary.GetRequiredService<ExpiryScanner>().RefreshCustomerAsync(customerId, CancellationToken.None);
        harness.Requests.Clear();

        var options = await harness.Planner.GetPlanOptionsAsync(customerId, 1, CancellationToken.None);

        Assert.NotEmpty(options);
        Assert.Equal(0, harness.Requests.Count(r => r.Path.Contains(customerId, StringComparison.OrdinalIgnoreCase)));
    }
}
