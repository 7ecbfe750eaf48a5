using System.Text.Json.Nodes;
using KaizalaBot.BotFramework.Builder;
using KaizalaBot.Cards;
using KaizalaBot.Dialogs.Migration;
using KaizalaBot.Tests.Support;

namespace KaizalaBot.Tests.Conversation;

/// <summary>
/// <see cref="MigrationDialogLauncher"/>, the dialog's public entry point: from a personal chat it begins there (a
/// reminder's button naming the customer and subscription lands on the plan step); from a channel it begins in the
/// seller's personal chat, or says how to get one.
/// </summary>
public sealed class MigrationLauncherTests : IAsyncLifetime
{
    private const string StartVerb = "test.startMigration";
    private ConversationWorld _world = null!;

    public async Task InitializeAsync() => _world = await ConversationWorld.StartAsync(services: s => s.AddCardActionRoute<StartMigrationRoute>());

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Theory]
    [InlineData(CardStyle.Execute)]
    [InlineData(CardStyle.Submit)]
    public async Task StartAsync_FromAReminderButtonWithCustomerAndSubscription_OpensTheDialogAtThePlanStep(CardStyle style)
    {
        var customer = await _world.SmallKaizalaCustomerAsync();
        var seller = new ConversationDriver(_world, style);
        await seller.InstallAsync();
        var data = new JsonObject { ["verb"] = StartVerb, ["customerId"] = customer.Id, ["subscriptionId"] = customer.KaizalaSubscriptionId };

        await seller.SendClickAsync(StartVerb, data, "reminder-card");

        Assert.True(seller.Current!.HasVerb(CardVerbs.ChoosePlan), seller.Current.Text);
        Assert.Contains($"Which plan for {customer.Name}?", seller.Current.Text, StringComparison.Ordinal);
        Assert.NotEqual("reminder-card", seller.Current.ActivityId);
    }

    [Fact]
    public async Task StartAsync_FromAReminderNamingAnotherCustomersSubscription_LandsOnTheSubscriptionStepSayingSo()
    {
        var customer = await _world.SmallKaizalaCustomerAsync();
        var other = await _world.SmallKaizalaCustomerAsync(skip: 1);
        var seller = new ConversationDriver(_world, CardStyle.Execute);
        await seller.InstallAsync();
        var data = new JsonObject { ["customerId"] = customer.Id, ["subscriptionId"] = other.KaizalaSubscriptionId };

        await seller.SendClickAsync(StartVerb, data, "reminder-card");

        Assert.True(seller.Current!.HasVerb(CardVerbs.ChooseSubscription), seller.Current.Text);
        Assert.Contains("no longer active (or no longer the customer's)", seller.Current.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_TypedInAChannel_OpensTheDialogInTheSellersPersonalChat()
    {
        var customer = await _world.SmallKaizalaCustomerAsync();
        var personal = new ConversationDriver(_world, CardStyle.Execute);
        await personal.InstallAsync();
        var channel = new ConversationDriver(_world, CardStyle.Execute, who: _world.Seller() with { ConversationId = "19:sales@thread.tacv2", ConversationType = "channel" });
        var before = _world.Connector.Requests.Count;

        await channel.SayAsync($"migrate {customer.Name}");

        Assert.Equal(["I opened the migration in our personal chat."], channel.Said);
        var card = Assert.Single(personal.CardsSince(before));
        Assert.True(card.HasVerb(CardVerbs.ChooseCustomer), card.Text);
        Assert.Contains(customer.Name, card.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_TypedInAChannelBySomeoneWithoutAPersonalChat_SaysHowToGetOne()
    {
        var channel = new ConversationDriver(_world, CardStyle.Execute, who: _world.Seller() with { ConversationId = "19:sales@thread.tacv2", ConversationType = "channel" });
        var before = _world.Connector.Requests.Count;

        await channel.SayAsync("migrate contoso");

        Assert.StartsWith("Migrations are prepared in a personal chat with me", Assert.Single(channel.Said), StringComparison.Ordinal);
        Assert.All(_world.Connector.Requests.Skip(before), r => Assert.DoesNotContain("personal-chat-1", r.RawTarget, StringComparison.Ordinal));
    }

    private sealed record StartData
    {
        public required string CustomerId { get; init; }

        public required string SubscriptionId { get; init; }
    }

    /// <summary>What the reminders' <em>Start migration</em> button does: the launcher with the customer and subscription.</summary>
    private sealed class StartMigrationRoute(MigrationDialogLauncher launcher) : CardActionRoute<StartData>
    {
        public override string Verb => StartVerb;

        protected override async Task<CardActionResult> OnActionAsync(CardActionContext<StartData> action, CancellationToken cancellationToken)
        {
            await launcher.StartAsync(
                action.TurnContext, new MigrationDialogOptions { CustomerId = action.Data.CustomerId, SubscriptionId = action.Data.SubscriptionId }, cancellationToken);
            return CardActionResult.None;
        }
    }
}
