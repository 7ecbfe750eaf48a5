using System.Text.Json.Nodes;
using KaizalaBot.Cards;
using KaizalaBot.Migration.Jobs;
using KaizalaBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace KaizalaBot.Tests.Conversation;

/// <summary>
/// Forged and replayed clicks on every step of the migration dialog, by Action.Execute and Action.Submit: each gets a
/// clear answer on the card, and neither the seller's answers nor Partner Center change.
/// </summary>
public sealed class MigrationTamperingTests : IAsyncLifetime
{
    private const string NotOffered = "not on this card";
    private ConversationWorld _world = null!;

    public async Task InitializeAsync() => _world = await ConversationWorld.StartAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    public static TheoryData<CardStyle, MigrationStageCase> EveryStep()
    {
        var data = new TheoryData<CardStyle, MigrationStageCase>();
        foreach (var style in Enum.GetValues<CardStyle>())
        {
            foreach (var stage in Enum.GetValues<MigrationStageCase>())
            {
                data.Add(style, stage);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryStep))]
    public async Task Click_TamperedFieldOnEachStep_ClearAnswerAndNothingChanges(CardStyle style, MigrationStageCase stage)
    {
        var customer = await _world.SmallKaizalaCustomerAsync();
        var other = await _world.SmallKaizalaCustomerAsync(skip: 1);
        var seller = new ConversationDriver(_world, style);
        await seller.InstallAsync();
        switch (stage)
        {
            case MigrationStageCase.Customer:
                await seller.TypeAsync($"migrate {customer.Name}");
                break;
            case MigrationStageCase.Subscription:
                await MigrationWalkThrough.ToSubscriptionAsync(seller, customer, "en-US");
                break;
            case MigrationStageCase.Plan:
                await MigrationWalkThrough.ToPlanAsync(seller, customer, "en-US");
                break;
            case MigrationStageCase.LicenceCount:
                await MigrationWalkThrough.ToLicenceCountAsync(seller, customer, "en-US", otherPlan: true);
                break;
            case MigrationStageCase.Users:
                await MigrationWalkThrough.ToUsersAsync(seller, customer, "en-US");
                break;
            default:
                await MigrationWalkThrough.ToReviewAsync(seller, customer, "en-US");
                break;
        }

        foreach (var tampering in Tamperings(stage, customer, other))
        {
            var answers = await DialogAnswers.ReadAsync(_world.Storage, seller.Seller.ConversationId);
            var partnerCenter = (await _world.TenantAsync(customer.Id)).ToJsonString();

            await seller.ClickAsync(tampering.Verb, tampering.Match, tamper: tampering.Tamper, sendAs: tampering.SentVerb);

            Assert.True(
                seller.Current!.Text.Contains(tampering.Answer, StringComparison.Ordinal),
                $"{tampering.Name}: expected \"{tampering.Answer}\" on the card, got {seller.Current.Text}");
            Assert.Equal(answers, await DialogAnswers.ReadAsync(_world.Storage, seller.Seller.ConversationId));
            Assert.Equal(partnerCenter, (await _world.TenantAsync(customer.Id)).ToJsonString());
        }
    }

    [Theory]
    [InlineData(CardStyle.Execute)]
    [InlineData(CardStyle.Submit)]
    public async Task Click_CardOfAnEarlierStep_IsStaleAndChangesNothing(CardStyle style)
    {
        var customer = await _world.SmallKaizalaCustomerAsync();
        var seller = new ConversationDriver(_world, style);
        await seller.InstallAsync();
        await seller.TypeAsync($"migrate {customer.Name}");
        var customerCard = seller.Current!;
        var choose = ShownCard.Actions(customerCard.Card).First(a => a["verb"]!.GetValue<string>() == CardVerbs.ChooseCustomer);
        var replayed = (style == CardStyle.Execute ? choose["data"] : choose["fallback"]!["data"])!.DeepClone().AsObject();
        await seller.ClickAsync(CardVerbs.ChooseCustomer, d => MigrationWalkThrough.Is(d, "customerId", customer.Id));
        var answers = await DialogAnswers.ReadAsync(_world.Storage, seller.Seller.ConversationId);

        await seller.SendClickAsync(CardVerbs.ChooseCustomer, replayed, customerCard.ActivityId);

        Assert.Contains(seller.Said, said => said.StartsWith("This card is no longer active", StringComparison.Ordinal));
        Assert.Equal(answers, await DialogAnswers.ReadAsync(_world.Storage, seller.Seller.ConversationId));
    }

    [Theory]
    [InlineData(CardStyle.Execute)]
    [InlineData(CardStyle.Submit)]
    public async Task Confirm_ClickedTwice_StartsOneMigration(CardStyle style)
    {
        var customer = await _world.SmallKaizalaCustomerAsync();
        var seller = new ConversationDriver(_world, style);
        await seller.InstallAsync();
        await MigrationWalkThrough.ToReviewAsync(seller, customer, "en-US", otherPlan: true);
        var review = seller.Current!;
        var confirm = ShownCard.Actions(review.Card).First(a => a["verb"]!.GetValue<string>() == CardVerbs.Confirm);
        var data = (style == CardStyle.Execute ? confirm["data"] : confirm["fallback"]!["data"])!.DeepClone().AsObject();

        await seller.SendClickAsync(CardVerbs.Confirm, data, review.ActivityId);
        await seller.SendClickAsync(CardVerbs.Confirm, data.DeepClone().AsObject(), review.ActivityId);

        Assert.Contains(seller.Said, said => said.StartsWith("This card is no longer active", StringComparison.Ordinal));
        var migrations = await _world.Host.Services.GetRequiredService<MigrationService>()
            .ListBySellerAsync(new SellerIdentity(TeamsActivities.TenantId, TeamsActivities.SellerAadId, "Alex Wilber"), CancellationToken.None);
        Assert.Single(migrations);
    }

    private static IEnumerable<Tampering> Tamperings(MigrationStageCase stage, DemoCustomer customer, DemoCustomer other) => stage switch
    {
        MigrationStageCase.Customer =>
        [
            new("another customer", CardVerbs.ChooseCustomer, null, d => d["customerId"] = other.Id, NotOffered),
            new("customer id as a number", CardVerbs.ChooseCustomer, null, d => d["customerId"] = 42, NotOffered),
            new("no customer id", CardVerbs.ChooseCustomer, null, d => d.Remove("customerId"), NotOffered),
            new("negative page", CardVerbs.Search, null, d => { d["verb"] = CardVerbs.Page; d["page"] = -1; }, NotOffered, CardVerbs.Page),
            new("huge search", CardVerbs.Search, null, d => d["search"] = new string('a', 500), "at most 100 characters"),
            new("search as an object", CardVerbs.Search, null, d => d["search"] = new JsonObject(), "at least one character"),
        ],
        MigrationStageCase.Subscription =>
        [
            new("another customer's subscription", CardVerbs.ChooseSubscription, null, d => d["subscriptionId"] = other.KaizalaSubscriptionId, NotOffered),
            new("a path for an id", CardVerbs.ChooseSubscription, null, d => d["subscriptionId"] = "../../customers", NotOffered),
            new("id as a boolean", CardVerbs.ChooseSubscription, null, d => d["subscriptionId"] = true, NotOffered),
        ],
        MigrationStageCase.Plan =>
        [
            new("a plan refused to this customer", CardVerbs.ChoosePlan, d => MigrationWalkThrough.Is(d, "choice", "other"), d => d["otherPlan"] = "m365-a1", NotOffered),
            new("a plan not in the catalogue", CardVerbs.ChoosePlan, d => MigrationWalkThrough.Is(d, "choice", "other"), d => d["otherPlan"] = "no-such-plan", NotOffered),
            new("an unknown choice", CardVerbs.ChoosePlan, null, d => d["choice"] = "sideways", NotOffered),
            new("choice as a number", CardVerbs.ChoosePlan, null, d => d["choice"] = 1, NotOffered),
        ],
        MigrationStageCase.LicenceCount =>
        [
            new("negative count", CardVerbs.SetLicenceCount, null, d => d["licenceCount"] = "-5", "cannot be negative"),
            new("zero", CardVerbs.SetLicenceCount, null, d => d["licenceCount"] = "0", "at least one licence"),
            new("huge count", CardVerbs.SetLicenceCount, null, d => d["licenceCount"] = "99999999999", "not plausible"),
            new("words", CardVerbs.SetLicenceCount, null, d => d["licenceCount"] = "twelve", "whole number"),
            new("a decimal", CardVerbs.SetLicenceCount, null, d => d["licenceCount"] = 1.5, "whole number"),
            new("a boolean", CardVerbs.SetLicenceCount, null, d => d["licenceCount"] = true, "whole number"),
            new("no count", CardVerbs.SetLicenceCount, null, d => d.Remove("licenceCount"), "Enter the number of licences"),
        ],
        MigrationStageCase.Users =>
        [
            new("a user not offered", CardVerbs.ExcludeUser, null, d => d["userId"] = "not-a-user", NotOffered),
            new("another customer's user", CardVerbs.ExcludeUser, null, d => d["userId"] = other.HolderIds[0], NotOffered),
            new("user id as an array", CardVerbs.ExcludeUser, null, d => d["userId"] = new JsonArray("x"), NotOffered),
            new("huge search", CardVerbs.SearchUsers, null, d => d["userSearch"] = new string('b', 500), "at most 100 characters"),
        ],
        _ =>
        [
            new("another step's button", CardVerbs.Preview, null, d => d["verb"] = CardVerbs.ChoosePlan, "does not belong to this step", CardVerbs.ChoosePlan),
            new("back to a later step", CardVerbs.Back, null, d => d["to"] = "Review", "does not belong to this step"),
            new("back to no step", CardVerbs.Back, null, d => d["to"] = "Sideways", "does not belong to this step"),
        ],
    };

    /// <summary>One forged click: the button it starts from, what is changed in its data, and what the seller must be told.</summary>
    private sealed record Tampering(string Name, string Verb, Func<JsonObject, bool>? Match, Action<JsonObject> Tamper, string Answer, string? SentVerb = null);
}
