using System.Buffers.Text;
using System.Text;
using System.Text.Json.Nodes;
using KaizalaBot.Cards;
using KaizalaBot.Storage;
using KaizalaBot.Tests.Support;

namespace KaizalaBot.Tests.Conversation;

/// <summary>
/// <c>resume</c> while a step of the migration dialog waits: the step shows its card again, drawn afresh from the answers
/// the dialog kept (the card itself is not kept with the state), and only that new card is answered from then on.
/// </summary>
public sealed class MigrationResumeTests : IAsyncLifetime
{
    private ConversationWorld _world = null!;

    public async Task InitializeAsync() => _world = await ConversationWorld.StartAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Theory]
    [InlineData(CardStyle.Execute, "en-US")]
    [InlineData(CardStyle.Submit, "fr-FR")]
    public async Task Resume_WhileAStepWaits_TheStepShowsItsCardAgainAndOnlyTheNewCardIsAnswered(CardStyle style, string locale)
    {
        var customer = await _world.SmallKaizalaCustomerAsync();
        var seller = new ConversationDriver(_world, style, locale);
        await seller.InstallAsync();
        await MigrationWalkThrough.ToPlanAsync(seller, customer, locale);
        var waiting = seller.Current!;
        var choose = ShownCard.Actions(waiting.Card).First(a => a["verb"]!.GetValue<string>() == CardVerbs.ChoosePlan);
        var oldClick = (style == CardStyle.Execute ? choose["data"] : choose["fallback"]!["data"])!.DeepClone().AsObject();
        var answers = await DialogAnswers.ReadAsync(_world.Storage, seller.Seller.ConversationId);

        var shown = await seller.TypeAsync(locale.StartsWith("fr", StringComparison.Ordinal) ? "reprendre" : "resume");

        Assert.NotEqual(waiting.ActivityId, shown.ActivityId);
        Assert.Equal(waiting.Text, shown.Text);
        Assert.Equal(answers, await DialogAnswers.ReadAsync(_world.Storage, seller.Seller.ConversationId));

        await seller.SendClickAsync(CardVerbs.ChoosePlan, oldClick, waiting.ActivityId);
        var stale = locale.StartsWith("fr", StringComparison.Ordinal) ? "Cette carte n'est plus active" : "This card is no longer active";
        Assert.Contains(seller.Said, said => said.StartsWith(stale, StringComparison.Ordinal));
        Assert.Equal(answers, await DialogAnswers.ReadAsync(_world.Storage, seller.Seller.ConversationId));

        Assert.Equal(shown.ActivityId, seller.Current!.ActivityId);
        await seller.ClickAsync(CardVerbs.ChoosePlan, d => MigrationWalkThrough.Is(d, "choice", "recommended"));
        Assert.True(seller.Current!.HasVerb(CardVerbs.SetLicenceCount), seller.Current.Text);
    }

    [Fact]
    public async Task Migrate_WaitingStep_TheStateKeepsTheAnswersNotTheCardSent()
    {
        var customer = await _world.SmallKaizalaCustomerAsync();
        var seller = new ConversationDriver(_world, CardStyle.Execute);
        await seller.InstallAsync();

        await MigrationWalkThrough.ToPlanAsync(seller, customer, "en-US");

        var stored = await _world.Storage.ReadAsync($"msteams/conversations/{seller.Seller.ConversationId}", CancellationToken.None);
        var prompt = FindInstance(JsonNode.Parse(stored!.Content.GetRawText()), "migration.card")
            ?? throw new InvalidOperationException("No waiting migration card prompt in the stored state.");
        var options = JsonNode.Parse(Base64Url.DecodeFromUtf8(Encoding.UTF8.GetBytes(prompt["state"]!["options"]!.GetValue<string>())))!.AsObject();
        Assert.Null(options["prompt"]);
        Assert.Null(options["retryPrompt"]);
        Assert.True(seller.Current!.Card.ToJsonString().Length > stored.Content.GetRawText().Length, "the stored conversation state is not smaller than the card it should no longer hold");
    }

    [Fact]
    public async Task Resume_WhileTheUsersAreRead_TheWaitingCardIsDrawnAgainAndBothCopiesStillAnswer()
    {
        var customer = await _world.LargestKaizalaCustomerAsync();
        var seller = new ConversationDriver(_world, CardStyle.Execute);
        await seller.InstallAsync();
        await MigrationWalkThrough.ToLicenceCountAsync(seller, customer, "en-US");
        await seller.ClickAsync(CardVerbs.SetLicenceCount, inputs: new Dictionary<string, JsonNode?> { ["licenceCount"] = MigrationWalkThrough.DefaultCount(seller.Current!) });
        var waiting = seller.Current!;
        Assert.True(waiting.HasVerb(CardVerbs.Refresh), waiting.Text);
        var refresh = ShownCard.Actions(waiting.Card).First(a => a["verb"]!.GetValue<string>() == CardVerbs.Refresh)["data"]!.DeepClone().AsObject();

        var shown = await seller.TypeAsync("resume");

        // A live card is drawn again by the prompt that waits with it, as its redraws are: the copy shown before is the
        // same prompt's, so "Check again" on it still answers rather than being refused as stale.
        Assert.NotEqual(waiting.ActivityId, shown.ActivityId);
        Assert.True(shown.HasVerb(CardVerbs.Refresh), shown.Text);
        await seller.SendClickAsync(CardVerbs.Refresh, refresh, waiting.ActivityId);
        Assert.Empty(seller.Said);
        Assert.True(seller.Current!.HasVerb(CardVerbs.Refresh) || seller.Current.HasVerb(CardVerbs.ExcludeUser), seller.Current.Text);
    }

    private static JsonObject? FindInstance(JsonNode? node, string id) => node switch
    {
        JsonObject o when o["id"]?.GetValue<string>() == id && o.ContainsKey("instanceId") => o,
        JsonObject o => o.Select(p => FindInstance(p.Value, id)).FirstOrDefault(found => found is not null),
        JsonArray a => a.Select(n => FindInstance(n, id)).FirstOrDefault(found => found is not null),
        _ => null,
    };
}
