using System.Text.Json.Nodes;
using KaizalaBot.Cards;
using KaizalaBot.Tests.Support;

namespace KaizalaBot.Tests.Conversation;

/// <summary>A seller's way through the migration dialog, step by step, to the migration's card; shared by the conversation tests.</summary>
internal static class MigrationWalkThrough
{
    public static string Command(string locale) => locale.StartsWith("fr", StringComparison.Ordinal) ? "migrer" : "migrate";

    public static async Task ToSubscriptionAsync(ConversationDriver seller, DemoCustomer customer, string locale)
    {
        await seller.TypeAsync($"{Command(locale)} {customer.Name}");
        Assert.True(seller.Current!.HasVerb(CardVerbs.ChooseCustomer), seller.Current.Text);
        await seller.ClickAsync(CardVerbs.ChooseCustomer, d => Is(d, "customerId", customer.Id));
        Assert.True(seller.Current!.HasVerb(CardVerbs.ChooseSubscription), seller.Current.Text);
    }

    public static async Task ToPlanAsync(ConversationDriver seller, DemoCustomer customer, string locale)
    {
        await ToSubscriptionAsync(seller, customer, locale);
        await seller.ClickAsync(CardVerbs.ChooseSubscription, d => Is(d, "subscriptionId", customer.KaizalaSubscriptionId));
        Assert.True(seller.Current!.HasVerb(CardVerbs.ChoosePlan), seller.Current.Text);
    }

    /// <summary>Chooses the recommended plan, or (<paramref name="otherPlan"/>) the first other plan the card offers.</summary>
    public static async Task ToLicenceCountAsync(ConversationDriver seller, DemoCustomer customer, string locale, bool otherPlan = false)
    {
        await ToPlanAsync(seller, customer, locale);
        if (otherPlan)
        {
            var first = Inputs(seller.Current!.Card).Single(i => i["id"]!.GetValue<string>() == "otherPlan")["choices"]![0]!["value"]!.DeepClone();
            await seller.ClickAsync(CardVerbs.ChoosePlan, d => Is(d, "choice", "other"), new Dictionary<string, JsonNode?> { ["otherPlan"] = first });
        }
        else
        {
            await seller.ClickAsync(CardVerbs.ChoosePlan, d => Is(d, "choice", "recommended"));
        }

        Assert.True(seller.Current!.HasVerb(CardVerbs.SetLicenceCount), seller.Current.Text);
    }

    public static async Task ToUsersAsync(ConversationDriver seller, DemoCustomer customer, string locale, bool otherPlan = false)
    {
        await ToLicenceCountAsync(seller, customer, locale, otherPlan);
        await seller.ClickAsync(CardVerbs.SetLicenceCount, inputs: new Dictionary<string, JsonNode?> { ["licenceCount"] = DefaultCount(seller.Current!) });
        await WaitForUsersAsync(seller);
    }

    public static async Task ToReviewAsync(ConversationDriver seller, DemoCustomer customer, string locale, bool otherPlan = false)
    {
        await ToUsersAsync(seller, customer, locale, otherPlan);
        await seller.ClickAsync(CardVerbs.Continue);
        Assert.True(seller.Current!.HasVerb(CardVerbs.Confirm), seller.Current.Text);
    }

    /// <summary>The users step: the list, or the waiting card redrawn in place until the background read is done, then its Continue.</summary>
    public static async Task WaitForUsersAsync(ConversationDriver seller)
    {
        static bool Done(ShownCard c) => !c.HasVerb(CardVerbs.Refresh) || IsReady(c);
        if (!Done(seller.Current!))
        {
            await seller.WaitForUpdateAsync(Done, "the users of the customer to be read");
        }

        if (seller.Current!.HasVerb(CardVerbs.Refresh))
        {
            await seller.ClickAsync(CardVerbs.Refresh);
        }

        Assert.True(seller.Current!.HasVerb(CardVerbs.ExcludeUser), seller.Current.Text);
    }

    public static string DefaultCount(ShownCard card) =>
        Inputs(card.Card).Single(i => i["id"]!.GetValue<string>() == "licenceCount")["value"]!.ToString();

    public static bool IsEnabled(ShownCard card, string verb) =>
        ShownCard.Actions(card.Card).First(a => a["verb"]!.GetValue<string>() == verb)["isEnabled"]?.GetValue<bool>() ?? true;

    public static string MigrationIdOf(ShownCard card) =>
        ShownCard.Actions(card.Card).Select(a => a["data"]?["migrationId"]?.GetValue<string>()).First(id => id is not null)!;

    public static bool Is(JsonObject data, string name, string value) => data[name]?.GetValue<string>() == value;

    /// <summary>The waiting card once its read is done: its single main button reads Continue (the same verb as Check again).</summary>
    public static bool IsReady(ShownCard card) =>
        ShownCard.Actions(card.Card).Any(a => a["verb"]!.GetValue<string>() == CardVerbs.Refresh && a["title"]!.GetValue<string>() is "Continue" or "Continuer");

    private static IEnumerable<JsonObject> Inputs(JsonNode? node) => node switch
    {
        JsonObject o when o["type"]?.GetValue<string>()?.StartsWith("Input.", StringComparison.Ordinal) == true => [o],
        JsonObject o => o.SelectMany(p => Inputs(p.Value)),
        JsonArray a => a.SelectMany(Inputs),
        _ => [],
    };
}
