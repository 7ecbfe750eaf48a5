using KaizalaBot.Cards;
using KaizalaBot.Testing.Http;
using KaizalaBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace KaizalaBot.Tests.Conversation;

/// <summary>
/// Choosing the plan takes it as the plan card offered it (new subscription or seats added) and reads nothing from
/// Partner Center: the card read the customer's subscriptions and subscribed SKUs a click before, and the review reads
/// them again for the checks the seller confirms.
/// </summary>
public sealed class MigrationPlanChoiceTests : IAsyncLifetime
{
    private readonly RequestLog _partnerCenter = new();
    private ConversationWorld _world = null!;

    public async Task InitializeAsync() => _world = await ConversationWorld.StartAsync(
        services: services => services.ConfigureHttpClientDefaults(http => http.AddHttpMessageHandler(_partnerCenter.CreateHandler)));

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Theory]
    [InlineData(CardStyle.Execute)]
    [InlineData(CardStyle.Submit)]
    public async Task ChoosePlan_TakesThePlanAsTheCardOfferedIt_WithoutReadingSubscriptionsAgain(CardStyle style)
    {
        var customer = await _world.SmallKaizalaCustomerAsync();
        var seller = new ConversationDriver(_world, style);
        await seller.InstallAsync();
        await MigrationWalkThrough.ToPlanAsync(seller, customer, "en-US");
        var readsBefore = SubscriptionReads(customer.Id);
        Assert.NotEqual(0, readsBefore);   // the plan card's own reads, which the count below must see

        await seller.ClickAsync(CardVerbs.ChoosePlan, d => MigrationWalkThrough.Is(d, "choice", "recommended"));

        Assert.True(seller.Current!.HasVerb(CardVerbs.SetLicenceCount), seller.Current.Text);
        Assert.Equal(readsBefore, SubscriptionReads(customer.Id));

        await seller.ClickAsync(CardVerbs.SetLicenceCount, inputs: new Dictionary<string, System.Text.Json.Nodes.JsonNode?> { ["licenceCount"] = MigrationWalkThrough.DefaultCount(seller.Current!) });
        await MigrationWalkThrough.WaitForUsersAsync(seller);
        await seller.ClickAsync(CardVerbs.Continue);

        Assert.True(seller.Current!.HasVerb(CardVerbs.Confirm), seller.Current.Text);
        Assert.True(SubscriptionReads(customer.Id) > readsBefore, "the review reads the subscriptions again for its checks");
    }

    // The bot's requests for the customer's subscriptions or subscribed SKUs.
    private int SubscriptionReads(string customerId) =>
        _partnerCenter.Count(r => r.Method == "GET" && r.Path.Contains($"/customers/{customerId}/subscri", StringComparison.OrdinalIgnoreCase));
}
