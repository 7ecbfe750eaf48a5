using System.Text.Json.Nodes;
using KaizalaBot.Cards;
using KaizalaBot.Migration.Expiry;
using KaizalaBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace KaizalaBot.Tests.Reminders;

/// <summary>
/// <i>Start migration</i> on a reminder card, through the real host and the migration dialog: in the seller's personal
/// chat it opens the dialog on that customer and subscription at the plan step; from the team channel's digest it opens
/// it in the seller's personal chat and says so in the channel.
/// </summary>
public sealed class ReminderStartMigrationTests : IAsyncLifetime
{
    private const string ChannelId = "19:sales@thread.tacv2";

    private ConversationWorld _world = null!;

    public async Task InitializeAsync()
    {
        _world = await ConversationWorld.StartAsync(hostSettings: new Dictionary<string, string?> { ["Expiry:RequestsPerMinute"] = "60000" });
        await _world.Host.Services.GetRequiredService<ExpiryScanner>().ScanAllAsync(CancellationToken.None);
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Theory]
    [InlineData(CardStyle.Execute)]
    [InlineData(CardStyle.Submit)]
    public async Task StartMigration_OnAReminderCardInThePersonalChat_OpensTheDialogOnThatSubscriptionAtThePlanStep(CardStyle style)
    {
        var customer = await _world.SmallKaizalaCustomerAsync();
        var seller = new ConversationDriver(_world, style);
        await seller.InstallAsync();

        // The reminder's Details card: the customer's Kaizala Pro subscriptions, each with its own Start migration.
        await seller.SendClickAsync(CardVerbs.ReminderDetails, new JsonObject { ["verb"] = CardVerbs.ReminderDetails, ["customerId"] = customer.Id }, "reminder-card");
        var details = seller.Current!;
        Assert.True(details.HasVerb(CardVerbs.StartMigration), details.Text);
        await seller.ClickAsync(CardVerbs.StartMigration, data => data["subscriptionId"]?.GetValue<string>() == customer.KaizalaSubscriptionId);

        Assert.True(seller.Current!.HasVerb(CardVerbs.ChoosePlan), seller.Current.Text);
        Assert.Contains($"Which plan for {customer.Name}?", seller.Current.Text, StringComparison.Ordinal);
        Assert.NotEqual(details.ActivityId, seller.Current.ActivityId);
    }

    [Fact]
    public async Task StartMigration_OnTheChannelDigest_OpensTheDialogInTheSellersPersonalChatAndSaysSoInTheChannel()
    {
        var customer = await _world.SmallKaizalaCustomerAsync();
        var personal = new ConversationDriver(_world, CardStyle.Execute);
        await personal.InstallAsync();
        var channel = new ConversationDriver(_world, CardStyle.Execute, who: _world.Seller() with { ConversationId = ChannelId, ConversationType = "channel" });
        var before = _world.Connector.Requests.Count;

        await channel.SendClickAsync(
            CardVerbs.StartMigration, new JsonObject { ["customerId"] = customer.Id, ["subscriptionId"] = customer.KaizalaSubscriptionId }, "channel-digest");

        Assert.Contains("I opened the migration in our personal chat.", channel.Said);
        var card = Assert.Single(personal.CardsSince(before));
        Assert.True(card.HasVerb(CardVerbs.ChoosePlan), card.Text);
        Assert.Contains($"Which plan for {customer.Name}?", card.Text, StringComparison.Ordinal);
    }
}
