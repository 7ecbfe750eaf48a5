using KaizalaBot.Cards;
using KaizalaBot.Migration.Expiry;
using KaizalaBot.Testing.Http;
using KaizalaBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace KaizalaBot.Tests.Conversation;

/// <summary>
/// The plan card and the plan choice read nothing from Partner Center: the card reuses the customer's subscriptions and
/// subscribed SKUs read when the seller chose the customer (<c>Migration:CustomerReadLifetime</c>), the choice takes the
/// plan as the card offered it (new subscription or seats added), and the review reads them again for the checks the
/// seller confirms.
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
        Assert.NotEqual(0, readsBefore);   // the customer choice's reads, which the count below must see

        await seller.ClickAsync(CardVerbs.ChoosePlan, d => MigrationWalkThrough.Is(d, "choice", "recommended"));

        Assert.True(seller.Current!.HasVerb(CardVerbs.SetLicenceCount), seller.Current.Text);
        Assert.Equal(readsBefore, SubscriptionReads(customer.Id));

        await seller.ClickAsync(CardVerbs.SetLicenceCount, inputs: new Dictionary<string, System.Text.Json.Nodes.JsonNode?> { ["licenceCount"] = MigrationWalkThrough.DefaultCount(seller.Current!) });
        await MigrationWalkThrough.WaitForUsersAsync(seller);
        await seller.ClickAsync(CardVerbs.Continue);

        Assert.True(seller.Current!.HasVerb(CardVerbs.Confirm), seller.Current.Text);
        Assert.True(SubscriptionReads(customer.Id) > readsBefore, "the review reads the subscriptions again for its checks");
    }

    [Theory]
    [InlineData(CardStyle.Execute)]
    [InlineData(CardStyle.Submit)]
    public async Task ShowPlan_ReusesTheReadsOfTheCustomerChoice(CardStyle style)
    {
        var customer = await _world.SmallKaizalaCustomerAsync();
        var seller = new ConversationDriver(_world, style);
        await seller.InstallAsync();
        await IndexBuiltAsync();   // the start-up scan reads every customer too; counted below, it would blur the count
        var beforeChoice = SubscriptionReads(customer.Id);
        await MigrationWalkThrough.ToSubscriptionAsync(seller, customer, "en-US");
        var afterChoice = SubscriptionReads(customer.Id);
        Assert.Equal(beforeChoice + 2, afterChoice);   // the subscriptions and the subscribed SKUs, read fresh for the choice

        await seller.ClickAsync(CardVerbs.ChooseSubscription, d => MigrationWalkThrough.Is(d, "subscriptionId", customer.KaizalaSubscriptionId));

        Assert.True(seller.Current!.HasVerb(CardVerbs.ChoosePlan), seller.Current.Text);
        Assert.Equal(afterChoice, SubscriptionReads(customer.Id));
    }

    // Bounded in real time; the scan runs on the host's clock against the in-process simulator.
    private async Task IndexBuiltAsync()
    {
        var index = _world.Host.Services.GetRequiredService<ExpiryIndex>();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        while (!(await index.GetStatusAsync(limit.Token)).IsReady)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50), limit.Token);
        }
    }

    // The bot's requests for the customer's subscriptions or subscribed SKUs.
    private int SubscriptionReads(string customerId) =>
        _partnerCenter.Count(r => r.Method == "GET" && r.Path.Contains($"/customers/{customerId}/subscri", StringComparison.OrdinalIgnoreCase));
}
