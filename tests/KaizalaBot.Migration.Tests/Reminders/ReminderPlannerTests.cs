using KaizalaBot.Migration.Jobs;
using KaizalaBot.Migration.Planning;
using KaizalaBot.Migration.Reminders;
using KaizalaBot.Migration.Tests.Expiry;
using KaizalaBot.Migration.Tests.Infrastructure;
using KaizalaBot.PartnerCenter.Simulator;
using Microsoft.Extensions.DependencyInjection;

namespace KaizalaBot.Migration.Tests.Reminders;

/// <summary>Who is reminded of what, and when, on a virtual clock moved by the test.</summary>
public sealed class ReminderPlannerTests : IAsyncLifetime
{
    private const string Contoso = "c0000000-0000-4000-8000-00000000c001";
    private const string Fabrikam = "c0000000-0000-4000-8000-00000000c002";

    private ReminderHarness _harness = null!;
    private ReminderRecipient _camille = null!;
    private ReminderRecipient _oliver = null!;

    public async Task InitializeAsync()
    {
        _harness = await ReminderHarness.StartAsync();
        _camille = _harness.Recipients.AddSeller(SimulatorDemoDirectory.PartnerTenantId, SimulatorDemoDirectory.FrenchSellerObjectId, "Camille Martin", "fr-FR");
        _oliver = _harness.Recipients.AddSeller(SimulatorDemoDirectory.PartnerTenantId, SimulatorDemoDirectory.EnglishSellerObjectId, "Oliver Bennett");
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Plan_ClockCrossesEveryLeadTimeThenTheEnd_EachReminderOnceInOrder()
    {
        await _harness.SeedAsync(Entries.Lapsing(Contoso, ReminderHarness.Start.AddDays(65)));

        await _harness.CycleAsync();
        Assert.Empty(_harness.SeenOccasions(_camille));
        foreach (var days in new[] { 5.5, 0.2, 29.0, 1.0, 16.0, 7.0, 5.0, 0.5, 1.0 })
        {
            _harness.Advance(TimeSpan.FromDays(days));
            await _harness.CycleAsync();
            await _harness.CycleAsync();
        }

        Assert.Equal(["lead-60", "lead-30", "lead-14", "lead-7", "lead-1", "expired"], _harness.SeenOccasions(_camille));
        Assert.Equal(_harness.SeenOccasions(_camille), _harness.SeenOccasions(_oliver));
    }

    [Fact]
    public async Task Plan_SubscriptionFirstSeenLateOrAlreadyExpired_OnlyTheReminderDueNow()
    {
        await _harness.SeedAsync(
            Entries.Lapsing(Contoso, ReminderHarness.Start.AddDays(20), "Contoso"),
            Entries.Lapsing(Fabrikam, ReminderHarness.Start.AddDays(-3), "Fabrikam"));

        await _harness.CycleAsync();
        await _harness.CycleAsync();

        var seen = _harness.Delivery.SeenBy(_camille.Key);
        Assert.Equal([("Fabrikam", "expired"), ("Contoso", "lead-30")], seen.Select(i => (i.CompanyName, i.Occasion)));
        Assert.Single(_harness.Delivery.Digests, d => d.Recipient.Key == _camille.Key);
    }

    [Fact]
    public async Task Plan_RenewingOrSuspendedSubscription_NoReminder()
    {
        var renewing = Entries.Lapsing(Contoso, ReminderHarness.Start.AddDays(2));
        var suspended = Entries.Lapsing(Fabrikam, ReminderHarness.Start.AddDays(2));
        await _harness.SeedAsync(
            renewing with { Subscriptions = [renewing.Subscriptions[0] with { AutoRenewEnabled = true }] },
            suspended with { Subscriptions = [suspended.Subscriptions[0] with { Status = PartnerCenter.Models.SubscriptionStatus.Suspended }] });

        var plan = await _harness.Planner.PlanAsync(CancellationToken.None);

        Assert.Equal(0, plan.Due);
        Assert.Empty(_harness.Delivery.Digests);
    }

    [Fact]
    public async Task Plan_SellerOptedOut_ReceivesNothingWhileOthersDo()
    {
        await _harness.SeedAsync(Entries.Lapsing(Contoso, ReminderHarness.Start.AddDays(10)));
        _harness.Recipients.SetReminders(_oliver.AadObjectId!, on: false);

        await _harness.CycleAsync();
        _harness.Recipients.SetReminders(_oliver.AadObjectId!, on: true);
        _harness.Advance(TimeSpan.FromDays(4));
        await _harness.CycleAsync();

        Assert.Equal(["lead-14", "lead-7"], _harness.SeenOccasions(_camille));
        Assert.Equal(["lead-7"], _harness.SeenOccasions(_oliver));
    }

    [Fact]
    public async Task Plan_PartnerUserWithoutASellerRole_IsNotReminded()
    {
        var helpdesk = _harness.Recipients.AddSeller(SimulatorDemoDirectory.PartnerTenantId, SimulatorDemoDirectory.HelpdeskAgentObjectId, "Priya Natarajan");
        await _harness.SeedAsync(Entries.Lapsing(Contoso, ReminderHarness.Start.AddDays(10)));

        await _harness.CycleAsync();

        Assert.Equal(["lead-14"], _harness.SeenOccasions(_camille));
        Assert.Empty(_harness.SeenOccasions(helpdesk));
    }

    [Fact]
    public async Task Plan_ChannelConfigured_UnownedRemindersGoToItsDigestOnly()
    {
        _harness.Recipients.Channel = ReminderHarness.Channel;
        await _harness.SeedAsync(
            Entries.Lapsing(Contoso, ReminderHarness.Start.AddDays(10), "Contoso"),
            Entries.Lapsing(Fabrikam, ReminderHarness.Start.AddDays(3), "Fabrikam"));

        await _harness.CycleAsync();

        var digest = Assert.Single(_harness.Delivery.Digests);
        Assert.Equal(ReminderHarness.Channel.Key, digest.Recipient.Key);
        Assert.Equal(["Fabrikam", "Contoso"], digest.Items.Select(i => i.CompanyName));
        Assert.Empty(_harness.SeenOccasions(_camille));
    }

    [Fact]
    public async Task Plan_OwnedCustomer_GoesToItsOwnerOnly_AndBackToTheChannelWhenHandedBack()
    {
        _harness.Recipients.Channel = ReminderHarness.Channel;
        await _harness.SeedAsync(Entries.Lapsing(Contoso, ReminderHarness.Start.AddDays(10)));
        var seller = new SellerIdentity(SimulatorDemoDirectory.PartnerTenantId, SimulatorDemoDirectory.FrenchSellerObjectId, "Camille Martin");
        Assert.Equal(OwnershipStatus.Done, (await _harness.Ownership.TakeAsync(Contoso, seller, CancellationToken.None)).Status);

        await _harness.CycleAsync();
        Assert.Equal(OwnershipStatus.Done, (await _harness.Ownership.ReleaseAsync(Contoso, seller, CancellationToken.None)).Status);
        _harness.Advance(TimeSpan.FromDays(4));
        await _harness.CycleAsync();

        var owned = Assert.Single(_harness.Delivery.SeenBy(_camille.Key));
        Assert.Equal(("lead-14", "Camille Martin"), (owned.Occasion, owned.OwnerName));
        Assert.Equal(["lead-7"], _harness.SeenOccasions(ReminderHarness.Channel));
        Assert.Empty(_harness.SeenOccasions(_oliver));
    }

    [Fact]
    public async Task Plan_OwnerNoLongerReachable_RemindersFallBackToTheChannel()
    {
        _harness.Recipients.Channel = ReminderHarness.Channel;
        await _harness.SeedAsync(Entries.Lapsing(Contoso, ReminderHarness.Start.AddDays(10)));
        await _harness.Ownership.TakeAsync(Contoso, new SellerIdentity(SimulatorDemoDirectory.PartnerTenantId, _oliver.AadObjectId!, "Oliver Bennett"), CancellationToken.None);
        _harness.Recipients.SetReminders(_oliver.AadObjectId!, on: false);

        await _harness.CycleAsync();

        Assert.Equal(["lead-14"], _harness.SeenOccasions(ReminderHarness.Channel));
        Assert.Equal("Oliver Bennett", _harness.Delivery.SeenBy(ReminderHarness.Channel.Key)[0].OwnerName);
    }

    [Fact]
    public async Task Snooze_ADay_SilentUntilThenBackOnce()
    {
        await _harness.SeedAsync(Entries.Lapsing(Contoso, ReminderHarness.Start.AddDays(20)));
        await _harness.CycleAsync();

        await _harness.Snoozes.SnoozeAsync(_camille.Key, Contoso, $"sub-{Contoso}", 1, "Camille Martin", CancellationToken.None);
        _harness.Advance(TimeSpan.FromHours(12));
        await _harness.CycleAsync();
        var duringSnooze = _harness.SeenOccasions(_camille).Count;
        _harness.Advance(TimeSpan.FromHours(13));
        await _harness.CycleAsync();
        await _harness.CycleAsync();

        Assert.Equal(1, duringSnooze);
        Assert.Equal(["lead-30", $"snooze-{ReminderHarness.Start.AddDays(1):yyyyMMddHHmmss}"], _harness.SeenOccasions(_camille));
        Assert.Equal(["lead-30"], _harness.SeenOccasions(_oliver));
    }

    [Fact]
    public async Task Snooze_AWeekOverALeadTime_TheSubscriptionComesBackAsOneReminder()
    {
        await _harness.SeedAsync(Entries.Lapsing(Contoso, ReminderHarness.Start.AddDays(16)));
        await _harness.CycleAsync();
        await _harness.Snoozes.SnoozeAsync(_camille.Key, Contoso, $"sub-{Contoso}", 7, null, CancellationToken.None);

        _harness.Advance(TimeSpan.FromDays(3));   // 13 days left: lead-14 crossed while snoozed
        await _harness.CycleAsync();
        _harness.Advance(TimeSpan.FromDays(4.5));  // snooze over, 8.5 days left
        await _harness.CycleAsync();
        _harness.Advance(TimeSpan.FromDays(2));    // 6.5 days left
        await _harness.CycleAsync();

        Assert.Equal(["lead-30", "lead-14", "lead-7"], _harness.SeenOccasions(_camille));
        Assert.Equal(["lead-30", "lead-14", "lead-7"], _harness.SeenOccasions(_oliver));
        Assert.Contains($"sub-{Contoso}/snooze-{ReminderHarness.Start.AddDays(7):yyyyMMddHHmmss}",
            await _harness.Store.ReadSentKeysAsync(_camille.Key, CancellationToken.None));
    }

    [Fact]
    public async Task Plan_MigrationRunningForTheSubscription_NotReminded()
    {
        await _harness.SeedAsync(Entries.Lapsing(Contoso, ReminderHarness.Start.AddDays(10)), Entries.Lapsing(Fabrikam, ReminderHarness.Start.AddDays(10)));
        var store = _harness.Primary.GetRequiredService<MigrationStore>();
        var migration = new MigrationRecord
        {
            Id = "m-1", CorrelationId = Guid.NewGuid(), CustomerId = Contoso, SourceSubscriptionId = $"sub-{Contoso}", PlanId = "m365-business-basic",
            TargetSkuId = "3b555118-da6a-4418-894f-7df1e2096870", KaizalaSkuId = "5eed0000-0000-4000-8000-00000000ca1a", PurchaseKind = PurchaseKind.NewSubscription,
            LicenceCount = 7, UserCount = 7, Country = "FR", RequestedBy = Sellers.French, State = MigrationState.MovingLicences, CreatedAt = ReminderHarness.Start,
        };
        await store.CreateAsync(migration, CancellationToken.None);
        Assert.Null(await store.TryTakeSlotAsync(Contoso, $"sub-{Contoso}", "m-1", CancellationToken.None));

        await _harness.CycleAsync();

        Assert.Equal([Fabrikam], _harness.Delivery.SeenBy(_camille.Key).Select(i => i.CustomerId));
        Assert.Contains(_harness.Logs.GetSnapshot(), r => r.Message.Contains("migration m-1 is MovingLicences", StringComparison.Ordinal));
    }
}
