using KaizalaBot.Migration.Jobs;
using KaizalaBot.Migration.Planning;
using KaizalaBot.Migration.Tests.Infrastructure;
using KaizalaBot.Testing;

namespace KaizalaBot.Migration.Tests;

/// <summary>Seats added to a subscription the customer already holds: an absolute target quantity, so a repeat cannot add twice.</summary>
public sealed class AddSeatsTests
{
    private const int SeatsToAdd = 4;

    [Fact]
    public async Task Run_AddSeats_StoppedAfterThePatchBeforeItIsRecorded_QuantityRaisedOnce()
    {
        await using var harness = await MigrationHarness.StartAsync();
        var (source, held, holders) = await harness.HoldingAPlanAsync(
            (h, users) => users.Count >= SeatsToAdd && (h.Plan.MaximumSeats is not { } max || h.Quantity + SeatsToAdd <= max));
        var before = await SubscriptionAsync(harness, source.CustomerId, held.SubscriptionId);
        var draft = new MigrationDraft
        {
            Seller = Sellers.French, CustomerId = source.CustomerId, SourceSubscriptionId = source.SubscriptionId, PlanId = held.Plan.Id,
            PurchaseKind = PurchaseKind.AddSeats, ExistingSubscriptionId = held.SubscriptionId, LicenceCount = SeatsToAdd,
            Users = [.. holders.Take(SeatsToAdd).Select(u => new MigrationUser(u.Id, u.UserPrincipalName, u.DisplayName))],
        };
        var id = (await harness.Service.ConfirmAsync(draft, CancellationToken.None)).Migration!.Id;

        // The PATCH is done, its answer held: the runner is stopped before it can record the purchase.
        await harness.SetFaultRulesAsync(MigrationHarness.Always("subscriptions.patch", "timeoutAfterProcessing"));
        using var crash = new CancellationTokenSource();
        var first = MigrationHarness.Runner(harness.NewInstance()).RunAsync(crash.Token);
        await Eventually.TrueAsync(
            async () => (await SubscriptionAsync(harness, source.CustomerId, held.SubscriptionId)).Quantity == held.Quantity + SeatsToAdd, "the seats to be added");
        await crash.CancelAsync();
        await first.WithinAsync("the first runner to stop");

        var stopped = (await harness.Service.GetAsync(id, CancellationToken.None))!;
        Assert.Equal(MigrationState.Purchasing, stopped.State);
        Assert.Equal(held.Quantity + SeatsToAdd, stopped.Purchase.TargetQuantity);
        Assert.Null(stopped.Purchase.CompletedAt);

        await harness.SetFaultRulesAsync();
        var done = await harness.RunToRestAsync(MigrationHarness.Runner(harness.NewInstance()), id);

        Assert.Equal(MigrationState.Completed, done.State);
        var after = await SubscriptionAsync(harness, source.CustomerId, held.SubscriptionId);
        Assert.Equal(held.Quantity + SeatsToAdd, after.Quantity);
        Assert.Equal(before.AutoRenewEnabled, after.AutoRenewEnabled);   // the whole subscription was PATCHed, not a minimal body
        Assert.Empty((await harness.TenantAsync(source.CustomerId))["orders"]!.AsArray());
        var audit = await harness.Audit.ReadAsync(id, CancellationToken.None);
        Assert.Single(audit, e => e.Operation == "subscriptions.patch" && e.Status == "started" && e.Target == held.SubscriptionId);
        Assert.Contains(audit, e => e.Operation == "reconcile.seats" && e.Target == held.SubscriptionId);
        await ExactlyOnce.AssertMovedAndSuspendedOnceAsync(harness, done, draft, held.Plan.SkuId, audit: audit);
    }

    private static async Task<(int Quantity, bool AutoRenewEnabled)> SubscriptionAsync(MigrationHarness harness, string customerId, string subscriptionId)
    {
        var subscription = (await harness.TenantAsync(customerId))["subscriptions"]!.AsArray().Single(s => s!["id"]!.GetValue<string>() == subscriptionId)!;
        return (subscription["quantity"]!.GetValue<int>(), subscription["autoRenewEnabled"]!.GetValue<bool>());
    }
}
