using System.Diagnostics.Metrics;
using KaizalaBot.Migration.Diagnostics;
using KaizalaBot.Migration.Reminders;
using KaizalaBot.Migration.Tests.Expiry;
using KaizalaBot.PartnerCenter.Simulator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace KaizalaBot.Migration.Tests.Reminders;

/// <summary>Delivery under crashes, throttling and refusals: nothing lost, nothing shown twice, nothing retried forever.</summary>
public sealed class ReminderDispatcherTests : IAsyncLifetime
{
    private const string Contoso = "c0000000-0000-4000-8000-00000000c001";
    private const string Fabrikam = "c0000000-0000-4000-8000-00000000c002";

    private ReminderHarness _harness = null!;
    private ReminderRecipient _camille = null!;

    public async Task InitializeAsync()
    {
        _harness = await ReminderHarness.StartAsync();
        _camille = _harness.Recipients.AddSeller(SimulatorDemoDirectory.PartnerTenantId, SimulatorDemoDirectory.FrenchSellerObjectId, "Camille Martin", "fr-FR");
        await _harness.SeedAsync(
            Entries.Lapsing(Contoso, ReminderHarness.Start.AddDays(10), "Contoso"),
            Entries.Lapsing(Fabrikam, ReminderHarness.Start.AddDays(5), "Fabrikam"));
        await _harness.Planner.PlanAsync(CancellationToken.None);
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Dispatch_ManyDueForOneRecipient_OneDigestMostUrgentFirst()
    {
        var result = await _harness.Dispatcher.DispatchAsync(CancellationToken.None);

        var digest = Assert.Single(_harness.Delivery.Digests);
        Assert.Equal(["Fabrikam", "Contoso"], digest.Items.Select(i => i.CompanyName));
        Assert.Equal((1, 2, 0), (result.DigestsShown, result.RemindersShown, result.RemindersUndeliverable));
        Assert.Empty(await ListAsync("reminders/outbox/"));
        Assert.Equal(2, (await ListAsync($"reminders/sent/{_camille.Key}/")).Count);
    }

    [Fact]
    public async Task Dispatch_ShownAndUndeliverable_CountedByOutcomeAndRecipientKind()
    {
        using var reminders = new MetricCollector<long>(_harness.Primary.GetRequiredService<IMeterFactory>(), MigrationTelemetry.Name, "kaizalabot.reminders");
        await _harness.Dispatcher.DispatchAsync(CancellationToken.None);
        _harness.Recipients.AddSeller(SimulatorDemoDirectory.PartnerTenantId, SimulatorDemoDirectory.EnglishSellerObjectId, "Oliver Bennett");
        await _harness.Planner.PlanAsync(CancellationToken.None);
        _harness.Delivery.Enqueue(new DeliveryOutcome(DeliveryOutcomeKind.Gone, Reason: "ConversationBlockedByUser"));

        await _harness.Dispatcher.DispatchAsync(CancellationToken.None);

        Assert.Equal(
            [("shown", "seller", 2L), ("undeliverable", "seller", 2L)],
            reminders.GetMeasurementSnapshot().Select(m => ((string)m.Tags["kaizalabot.reminder.outcome"]!, (string)m.Tags["kaizalabot.reminder.recipient"]!, m.Value)));
    }

    [Fact]
    public async Task Dispatch_CrashAfterTheHeaderWasPostedButBeforeItWasRecorded_DigestShownOnce()
    {
        _harness.Delivery.CrashAfterNextPost = true;

        await Assert.ThrowsAsync<SimulatedCrashException>(() => _harness.Dispatcher.DispatchAsync(CancellationToken.None));
        await _harness.NewInstanceDispatcher().DispatchAsync(CancellationToken.None);
        await _harness.CycleAsync();

        Assert.Equal(["lead-7", "lead-14"], _harness.SeenOccasions(_camille));
        Assert.Equal(1, _harness.Delivery.EmptyHeaders);
    }

    [Fact]
    public async Task Dispatch_CrashAfterTheDigestWasShownButBeforeTheLedger_ShownOnceInTheSameMessage()
    {
        _harness.Delivery.CrashAfterNextShow = true;

        await Assert.ThrowsAsync<SimulatedCrashException>(() => _harness.Dispatcher.DispatchAsync(CancellationToken.None));
        await _harness.NewInstanceDispatcher().DispatchAsync(CancellationToken.None);
        await _harness.CycleAsync();

        Assert.Equal(["lead-7", "lead-14"], _harness.SeenOccasions(_camille));
        Assert.Equal(0, _harness.Delivery.EmptyHeaders);
        Assert.Equal(1, _harness.Delivery.Posts);
        Assert.Equal(2, _harness.Delivery.Shows);
    }

    [Fact]
    public async Task Dispatch_ThrottledForDays_WaitsEachRetryAfterAndNeverGivesUp()
    {
        for (var i = 0; i < 50; i++)
        {
            _harness.Delivery.Enqueue(new DeliveryOutcome(DeliveryOutcomeKind.Throttled, RetryAfter: TimeSpan.FromHours(2)));
        }

        for (var hours = 0; hours < 100; hours += 2)
        {
            await _harness.Dispatcher.DispatchAsync(CancellationToken.None);
            await _harness.Dispatcher.DispatchAsync(CancellationToken.None);   // within Retry-After: no call
            _harness.Advance(TimeSpan.FromHours(2));
        }

        await _harness.Dispatcher.DispatchAsync(CancellationToken.None);

        Assert.Equal(["lead-7", "lead-14"], _harness.SeenOccasions(_camille));
        Assert.Equal(1, _harness.Delivery.Posts);
    }

    [Fact]
    public async Task Dispatch_FailingForMoreThanADay_RecordedUndeliverableAndNotRetried()
    {
        for (var i = 0; i < 100; i++)
        {
            _harness.Delivery.Enqueue(new DeliveryOutcome(DeliveryOutcomeKind.Transient, Reason: "ServiceError (HTTP 503)"));
        }

        var undeliverable = 0;
        for (var minutes = 0; minutes < 60 * 30; minutes += 30)
        {
            undeliverable += (await _harness.Dispatcher.DispatchAsync(CancellationToken.None)).RemindersUndeliverable;
            _harness.Advance(TimeSpan.FromMinutes(30));
        }

        Assert.Equal(2, undeliverable);
        Assert.Empty(_harness.SeenOccasions(_camille));
        var record = await _harness.Store.ReadSentAsync(_camille.Key, $"sub-{Contoso}/lead-14", CancellationToken.None);
        Assert.Equal(SentReminderState.Undeliverable, record!.Value.State);
        Assert.Contains("503", record.Value.Reason, StringComparison.Ordinal);
        await _harness.CycleAsync();
        Assert.Empty(_harness.SeenOccasions(_camille));
    }

    [Fact]
    public async Task Dispatch_ConversationGone_RecipientForgottenAndRemindersEnded()
    {
        _harness.Delivery.Enqueue(new DeliveryOutcome(DeliveryOutcomeKind.Gone, Reason: "ConversationBlockedByUser"));

        var result = await _harness.Dispatcher.DispatchAsync(CancellationToken.None);

        Assert.Equal(2, result.RemindersUndeliverable);
        Assert.Equal([_camille.Key], _harness.Recipients.Forgotten);
        Assert.Empty(await ListAsync("reminders/outbox/"));
        Assert.Equal(0, _harness.Delivery.Posts);
    }

    [Fact]
    public async Task Dispatch_RefusedForGood_RecordedUndeliverableOnce()
    {
        _harness.Delivery.Enqueue(_ => null);
        _harness.Delivery.Enqueue(new DeliveryOutcome(DeliveryOutcomeKind.Rejected, Reason: "MessageSizeTooBig (HTTP 413)"));

        await _harness.Dispatcher.DispatchAsync(CancellationToken.None);
        await _harness.CycleAsync();

        var record = await _harness.Store.ReadSentAsync(_camille.Key, $"sub-{Fabrikam}/lead-7", CancellationToken.None);
        Assert.Equal(SentReminderState.Undeliverable, record!.Value.State);
        Assert.Equal((1, 0), (_harness.Delivery.Posts, _harness.Delivery.Shows));
        Assert.Empty(await ListAsync("reminders/outbox/"));
    }

    [Fact]
    public async Task Dispatch_HeaderDeletedBeforeTheDigestCameIn_PostsANewOne()
    {
        _harness.Delivery.Enqueue(_ => null);
        _harness.Delivery.Enqueue(new DeliveryOutcome(DeliveryOutcomeKind.Transient, Reason: "Timeout"));
        await _harness.Dispatcher.DispatchAsync(CancellationToken.None);
        _harness.Delivery.Delete("msg-1");
        _harness.Advance(TimeSpan.FromMinutes(2));

        await _harness.Dispatcher.DispatchAsync(CancellationToken.None);

        Assert.Equal(["lead-7", "lead-14"], _harness.SeenOccasions(_camille));
        Assert.Equal(2, _harness.Delivery.Posts);
    }

    [Fact]
    public async Task Dispatch_MoreDueThanACardHolds_ShowsTheMostUrgentAndCountsTheRest()
    {
        await using var harness = await ReminderHarness.StartAsync(new Dictionary<string, string?> { ["Reminders:MaxItemsPerCard"] = "3" });
        harness.Recipients.Channel = ReminderHarness.Channel;
        await harness.SeedAsync([.. Enumerable.Range(1, 5).Select(i => Entries.Lapsing($"c0000000-0000-4000-8000-00000000c10{i}", ReminderHarness.Start.AddDays(10 - i), $"Customer {i}"))]);

        await harness.CycleAsync();

        var digest = Assert.Single(harness.Delivery.Digests);
        Assert.Equal(["Customer 5", "Customer 4", "Customer 3"], digest.Items.Select(i => i.CompanyName));
        Assert.Equal(2, digest.MoreCount);
        Assert.Equal(5, (await harness.Store.ReadSentKeysAsync(ReminderHarness.Channel.Key, CancellationToken.None)).Count);
    }

    private async Task<List<string>> ListAsync(string prefix)
    {
        var keys = new List<string>();
        await foreach (var key in _harness.Storage.ListKeysAsync(prefix, CancellationToken.None))
        {
            keys.Add(key);
        }

        return keys;
    }
}
