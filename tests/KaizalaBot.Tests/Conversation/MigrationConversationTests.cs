using System.Text.Json.Nodes;
using KaizalaBot.Cards;
using KaizalaBot.Migration.Audit;
using KaizalaBot.Migration.Jobs;
using KaizalaBot.Migration.Planning;
using KaizalaBot.Testing;
using KaizalaBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KaizalaBot.Tests.Conversation;

/// <summary>
/// The whole migration conversation through the real /api/messages endpoint (real Kestrel, recording connector) against
/// the Partner Center simulator, in both action styles and both languages: from <c>migrate</c> to the summary, and
/// what Partner Center holds afterwards.
/// </summary>
public sealed class MigrationConversationTests : IAsyncLifetime
{
    private ConversationWorld _world = null!;

    public async Task InitializeAsync() => _world = await ConversationWorld.StartAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Theory]
    [InlineData(CardStyle.Execute, "en-US", false)]
    [InlineData(CardStyle.Submit, "en-US", true)]
    [InlineData(CardStyle.Execute, "fr-FR", true)]
    [InlineData(CardStyle.Submit, "fr-FR", false)]
    public async Task Migrate_EveryStepToConfirm_BuysOnceMovesEveryUserSuspendsKaizalaAndPostsOneSummary(CardStyle style, string locale, bool otherPlan)
    {
        var customer = await _world.SmallKaizalaCustomerAsync();
        var seller = new ConversationDriver(_world, style, locale);
        await seller.InstallAsync();
        var before = await _world.TenantAsync(customer.Id);

        await MigrationWalkThrough.ToReviewAsync(seller, customer, locale, otherPlan);
        Assert.True(MigrationWalkThrough.IsEnabled(seller.Current!, CardVerbs.Confirm), seller.Current!.Text);
        var cardMessage = seller.Current!.ActivityId;
        var confirmedAt = _world.Connector.Requests.Count;
        await seller.ClickAsync(CardVerbs.Confirm);
        var migrationId = MigrationWalkThrough.MigrationIdOf(seller.Current!);
        var summary = await WaitForSummaryAsync(seller, confirmedAt, migrationId);

        var french = locale.StartsWith("fr", StringComparison.Ordinal);
        Assert.Contains(french ? "Terminée" : "Completed", summary.Text, StringComparison.Ordinal);
        Assert.Equal(cardMessage, seller.Current!.ActivityId);
        var updates = seller.CardsSince(confirmedAt).Where(c => c.ActivityId == cardMessage).ToList();
        Assert.NotEmpty(updates);
        Assert.Contains(french ? "Terminée" : "Completed", updates[^1].Text, StringComparison.Ordinal);
        Assert.Single(seller.CardsSince(confirmedAt), c => c.ActivityId != cardMessage);

        var migration = (await _world.Host.Services.GetRequiredService<MigrationService>().GetAsync(migrationId, CancellationToken.None))!;
        var audit = await _world.Host.Services.GetRequiredService<AuditTrail>().ReadAsync(migrationId, CancellationToken.None);
        var tenant = await _world.TenantAsync(customer.Id);
        JsonObject bought;
        if (migration.PurchaseKind == PurchaseKind.AddSeats)
        {
            // Seats added to the subscription the customer holds: its quantity raised once (not at all when its free
            // seats suffice, the default count then), no order.
            Assert.Equal(before["orders"]!.AsArray().Count, tenant["orders"]!.AsArray().Count);
            bought = Subscription(tenant, migration.ExistingSubscriptionId!);
            Assert.Equal(Subscription(before, migration.ExistingSubscriptionId!)["quantity"]!.GetValue<int>() + migration.LicenceCount, bought["quantity"]!.GetValue<int>());
            Assert.Equal(migration.LicenceCount > 0 ? 1 : 0, audit.Count(e => e.Operation == "subscriptions.patch" && e.Status == "succeeded" && e.Target == migration.ExistingSubscriptionId));
        }
        else
        {
            Assert.Equal(before["orders"]!.AsArray().Count + 1, tenant["orders"]!.AsArray().Count);
            bought = Assert.Single(tenant["subscriptions"]!.AsArray().Select(s => s!.AsObject()),
                s => s["friendlyName"]!.GetValue<string>().EndsWith(migrationId, StringComparison.Ordinal));
            Assert.Equal(migration.LicenceCount, bought["quantity"]!.GetValue<int>());
            Assert.Single(audit, e => e.Operation == "carts.checkout" && e.Status == "succeeded");
        }

        Assert.Equal(otherPlan ? PurchaseKind.NewSubscription : migration.PurchaseKind, migration.PurchaseKind);
        Assert.Single(audit, e => e.Operation == "subscriptions.patch" && e.Status == "succeeded" && e.Target == customer.KaizalaSubscriptionId);
        Assert.DoesNotContain(_world.Logs.GetSnapshot(), r => r.Level >= LogLevel.Error);
        var kaizala = tenant["subscriptions"]!.AsArray().Select(s => s!.AsObject()).Single(s => s["id"]!.GetValue<string>() == customer.KaizalaSubscriptionId);
        Assert.Equal("suspended", kaizala["status"]!.GetValue<string>());
        var holders = tenant["users"]!.AsArray().Select(u => u!.AsObject()).Where(u => customer.HolderIds.Contains(u["id"]!.GetValue<string>())).ToList();
        Assert.Equal(customer.HolderIds.Count, holders.Count);
        Assert.All(holders, user =>
        {
            var skus = user["assignedSkuIds"]!.AsArray().Select(s => s!.GetValue<string>()).ToList();
            Assert.DoesNotContain(ConversationWorld.KaizalaSkuId, skus);
            Assert.Contains(bought["skuId"]!.GetValue<string>(), skus);
        });
    }

    private static JsonObject Subscription(JsonObject tenant, string id) =>
        tenant["subscriptions"]!.AsArray().Select(s => s!.AsObject()).Single(s => s["id"]!.GetValue<string>() == id);

    [Theory]
    [InlineData(CardStyle.Execute)]
    [InlineData(CardStyle.Submit)]
    public async Task Preview_FromTheReview_RunsEveryCheckInTheBackgroundBuysNothingAndShowsTheOutcome(CardStyle style)
    {
        var customer = await _world.KaizalaCustomerWithUnlocatedHolderAsync();
        var seller = new ConversationDriver(_world, style);
        await seller.InstallAsync();
        await MigrationWalkThrough.ToReviewAsync(seller, customer, "en-US", otherPlan: true);
        var before = (await _world.TenantAsync(customer.Id)).ToJsonString();

        await seller.ClickAsync(CardVerbs.Preview);
        if (seller.Current!.HasVerb(CardVerbs.Refresh))
        {
            await seller.WaitForUpdateAsync(c => c.Text.Contains("Preview finished", StringComparison.Ordinal), "the preview");
            await seller.ClickAsync(CardVerbs.Refresh);
        }

        Assert.True(seller.Current!.HasVerb(CardVerbs.Confirm), seller.Current.Text);
        Assert.Contains("every check run again", seller.Current.Text, StringComparison.Ordinal);
        Assert.Contains("have no usage location", seller.Current.Text, StringComparison.Ordinal);
        Assert.Equal(before, (await _world.TenantAsync(customer.Id)).ToJsonString());
        Assert.Empty(await _world.Host.Services.GetRequiredService<MigrationService>()
            .ListBySellerAsync(new SellerIdentity(TeamsActivities.TenantId, TeamsActivities.SellerAadId, "Alex Wilber"), CancellationToken.None));
    }

    private static Task<ShownCard> WaitForSummaryAsync(ConversationDriver seller, int from, string migrationId) =>
        seller.WaitForCardAsync(from, c => c.ActivityId != seller.Current!.ActivityId && c.Text.Contains(migrationId, StringComparison.Ordinal), "the summary");
}
