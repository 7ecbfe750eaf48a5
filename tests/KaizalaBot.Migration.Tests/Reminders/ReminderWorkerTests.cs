using KaizalaBot.Migration.Jobs;
using KaizalaBot.Migration.Reminders;
using KaizalaBot.Migration.Tests.Infrastructure;
using KaizalaBot.PartnerCenter.Simulator;
using KaizalaBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KaizalaBot.Migration.Tests.Reminders;

/// <summary>Whole cycles — scan of the simulator's demo partner, look for due reminders, delivery — on one or two instances.</summary>
public sealed class ReminderWorkerTests : IAsyncLifetime
{
    private ReminderHarness _harness = null!;
    private ReminderRecipient _camille = null!;

    public async Task InitializeAsync()
    {
        _harness = await ReminderHarness.StartAsync();
        _camille = _harness.Recipients.AddSeller(SimulatorDemoDirectory.PartnerTenantId, SimulatorDemoDirectory.FrenchSellerObjectId, "Camille Martin", "fr-FR");
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task RunOnce_DemoPartner_RemindsOfEveryDueSubscriptionWithItsLeadTime()
    {
        var cycle = await Worker(_harness.Primary).RunOnceAsync(scanNow: false, CancellationToken.None).WithinAsync("a first cycle");

        Assert.NotNull(cycle!.Scan);
        var seen = _harness.Delivery.SeenBy(_camille.Key);
        // The demo partner's Kaizala Pro ends 10 and 3 days ago, and 1, 5, 12, 25, 45, 50, 54 and 58 days ahead (then later).
        Assert.Equal(["expired", "expired", "lead-1", "lead-7", "lead-14", "lead-30", "lead-60", "lead-60", "lead-60", "lead-60"], seen.Select(i => i.Occasion));
        Assert.Single(_harness.Delivery.Digests);
    }

    [Fact]
    public async Task RunOnce_SameSubscriptionsScannedTwice_EachReminderSentOnce()
    {
        var worker = Worker(_harness.Primary);
        await worker.RunOnceAsync(scanNow: true, CancellationToken.None).WithinAsync("a first cycle");
        var first = _harness.Delivery.SeenBy(_camille.Key).Count;

        var second = await worker.RunOnceAsync(scanNow: true, CancellationToken.None).WithinAsync("a second cycle");

        Assert.NotNull(second!.Scan);
        Assert.Equal(0, second.Plan!.Queued);
        Assert.Equal(first, _harness.Delivery.SeenBy(_camille.Key).Count);
        Assert.Equal(first, _harness.Delivery.SeenBy(_camille.Key).Select(i => i.Key).Distinct().Count());
    }

    [Fact]
    public async Task RunOnce_TwoInstancesOneStore_EvenWithoutTheSharedLease_EachReminderShownOnce()
    {
        _harness.Recipients.AddSeller(SimulatorDemoDirectory.PartnerTenantId, SimulatorDemoDirectory.EnglishSellerObjectId, "Oliver Bennett");
        var first = Worker(_harness.Primary);
        var second = Worker(_harness.NewInstance(ownLeases: true));

        for (var round = 0; round < 3; round++)
        {
            // Writers that lose an ETag race back off for a few (virtual) milliseconds: let the clock run meanwhile.
            await using var pump = new ClockPump(_harness.Clock, TimeSpan.FromMilliseconds(20));
            await Task.WhenAll(
                Task.Run(() => first.RunOnceAsync(scanNow: round == 0, CancellationToken.None)),
                Task.Run(() => second.RunOnceAsync(scanNow: round == 0, CancellationToken.None))).WithinAsync("two instances' cycles");
            _harness.Advance(TimeSpan.FromHours(2));
        }

        foreach (var seller in new[] { _camille.Key, ReminderRecipient.SellerKey(SimulatorDemoDirectory.EnglishSellerObjectId) })
        {
            var seen = _harness.Delivery.SeenBy(seller).Select(i => i.Key).ToList();
            Assert.NotEmpty(seen);
            Assert.Equal(seen.Count, seen.Distinct().Count());
        }
    }

    [Fact]
    public async Task RunOnce_TwoInstancesSharingTheLease_OnlyOneRunsACycle()
    {
        var results = await Task.WhenAll(
            Task.Run(() => Worker(_harness.Primary).RunOnceAsync(scanNow: true, CancellationToken.None)),
            Task.Run(() => Worker(_harness.NewInstance()).RunOnceAsync(scanNow: true, CancellationToken.None))).WithinAsync("two cycles");

        Assert.Single(results, r => r is not null);
    }

    [Fact]
    public async Task RunOnce_MigrationConfirmedForADueSubscription_ThatCustomerIsNotReminded()
    {
        await Worker(_harness.Primary).RunOnceAsync(scanNow: true, CancellationToken.None).WithinAsync("a first cycle");
        // Due now and due again within a week (1, 5 and 12 days left): the smallest customer is migrated, the others are not.
        var candidates = _harness.Delivery.SeenBy(_camille.Key).Where(i => i.Occasion is "lead-1" or "lead-7" or "lead-14").ToList();
        var due = candidates.MinBy(i => i.Subscription.AssignedUsers)!;

        // Reading the customer's users is paced per customer: let the clock run while the seller prepares the migration.
        CommandResult confirmed;
        await using (new ClockPump(_harness.Clock, TimeSpan.FromMilliseconds(250)))
        {
            confirmed = await ConfirmMigrationAsync(due).WithinAsync("a migration confirmed", TimeSpan.FromSeconds(90));
        }

        Assert.True(confirmed.Succeeded, confirmed.Status.ToString());

        _harness.Advance(TimeSpan.FromDays(7));
        await Worker(_harness.Primary).RunOnceAsync(scanNow: true, CancellationToken.None).WithinAsync("a cycle a week later");

        var seen = _harness.Delivery.SeenBy(_camille.Key);
        Assert.Equal([due.Occasion], seen.Where(i => i.CustomerId == due.CustomerId).Select(i => i.Occasion));
        Assert.All(candidates.Where(c => c.CustomerId != due.CustomerId), other => Assert.Equal(2, seen.Count(i => i.CustomerId == other.CustomerId)));
    }

    [Fact]
    public async Task RunAsync_OnTheVirtualClock_RemindsAtStartThenAsEachLeadTimeIsCrossed()
    {
        var worker = Worker(_harness.Primary);
        using var stop = new CancellationTokenSource();
        var loop = Task.Run(() => worker.RunAsync(stop.Token));
        await _harness.Delivery.WhenAsync(() => _harness.Delivery.Digests.Count > 0).WithinAsync("the first cycle's digest");
        var first = _harness.Delivery.SeenBy(_camille.Key);
        var endsTomorrow = first.Single(i => i.Occasion == "lead-1").Subscription.SubscriptionId;
        var endsInFiveDays = first.Single(i => i.Occasion == "lead-7").Subscription.SubscriptionId;

        // Nobody asks for a cycle from here on: only the worker's own schedule on the virtual clock (a poll a minute, a
        // look for due reminders an hour) may notice that the one ending in five days crosses its last lead time.
        await using (new ClockPump(_harness.Clock, TimeSpan.FromMinutes(1)))
        {
            await _harness.Delivery.WhenAsync(() => _harness.Delivery.SeenBy(_camille.Key).Any(i => i.Subscription.SubscriptionId == endsInFiveDays && i.Occasion == "lead-1"))
                .WithinAsync("the reminder one day before the end, four virtual days later", TimeSpan.FromMinutes(2));
        }

        await stop.CancelAsync();
        await loop.ContinueWith(_ => { }, TaskScheduler.Default).WithinAsync("the worker to stop");
        Assert.True(_harness.Clock.GetUtcNow() - ReminderHarness.Start < TimeSpan.FromDays(5), "the clock ran past the five days");
        var seen = _harness.Delivery.SeenBy(_camille.Key);
        Assert.Equal(["lead-1", "expired"], seen.Where(i => i.Subscription.SubscriptionId == endsTomorrow).Select(i => i.Occasion));
        Assert.Equal(["lead-7", "lead-1"], seen.Where(i => i.Subscription.SubscriptionId == endsInFiveDays).Select(i => i.Occasion));
        Assert.Equal(seen.Count, seen.Select(i => i.Key).Distinct().Count());
    }

    private async Task<CommandResult> ConfirmMigrationAsync(ReminderItem due)
    {
        var users = (await _harness.Primary.GetRequiredService<Planning.MigrationPlanner>().GetKaizalaUsersAsync(due.CustomerId, CancellationToken.None))
            .Where(u => u.UsageLocation is not null).Take(2).Select(u => new MigrationUser(u.Id, u.UserPrincipalName, u.DisplayName)).ToList();
        return await _harness.Migrations.ConfirmAsync(new Planning.MigrationDraft
        {
            Seller = Sellers.French, CustomerId = due.CustomerId, SourceSubscriptionId = due.Subscription.SubscriptionId, PlanId = "m365-business-basic",
            LicenceCount = users.Count, Users = users,
        }, CancellationToken.None);
    }

    private static ReminderWorker Worker(IServiceProvider instance) => instance.GetRequiredService<ReminderWorker>();
}
