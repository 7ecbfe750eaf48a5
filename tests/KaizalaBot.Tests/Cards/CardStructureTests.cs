using System.Text;
using System.Text.Json.Nodes;
using KaizalaBot.BotFramework.Builder;
using KaizalaBot.Cards;
using KaizalaBot.Dialogs.Migration;
using KaizalaBot.Localization;
using KaizalaBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace KaizalaBot.Tests.Cards;

/// <summary>
/// Our own checks of every card, beyond the Adaptive Cards parser: unique input ids, a label on every input, every verb
/// handled by a route or the migration dialog, every Action.Execute with its Action.Submit fallback, texts and button
/// titles within what Teams shows, and the largest card within Teams' message size.
/// </summary>
public sealed class CardStructureTests : IDisposable
{
    // Teams truncates longer button titles; a bot message (card included) is refused above about 28 KB.
    private const int MaxActionTitle = 40;
    private const int MaxTextBlock = 2_000;
    private const int MaxPayloadBytes = 28 * 1024;

    private readonly CardRenderer _renderer = new();
    private readonly BotTexts _texts = new();
    private readonly BotHostFactory _host = new();

    public void Dispose() => _host.Dispose();

    public static TheoryData<CardTemplate, BotLanguage> EveryCard() => CardRendererTests.EveryCard();

    [Theory]
    [MemberData(nameof(EveryCard))]
    public void Render_EveryCard_InputsHaveUniqueIdsAndLabels(CardTemplate template, BotLanguage language)
    {
        var inputs = Inputs(Render(template, language)).ToList();

        Assert.Equal(inputs.Count, inputs.Select(i => i["id"]?.GetValue<string>()).Distinct().Count());
        Assert.All(inputs, input => Assert.False(string.IsNullOrWhiteSpace(input["label"]?.GetValue<string>()), $"{template}: input {input["id"]} has no label"));
    }

    [Theory]
    [MemberData(nameof(EveryCard))]
    public void Render_EveryCard_EveryVerbIsHandledAndEveryExecuteHasASubmitFallback(CardTemplate template, BotLanguage language)
    {
        var known = KnownVerbs();
        var actions = Actions(Render(template, language)).ToList();

        Assert.All(actions.Where(a => Type(a) == "Action.Execute"), execute =>
        {
            Assert.Contains(execute["verb"]!.GetValue<string>(), known);
            Assert.Equal("Action.Submit", Type(execute["fallback"]!.AsObject()));
            Assert.Equal(execute["verb"]!.GetValue<string>(), execute["fallback"]!["data"]!["verb"]!.GetValue<string>());
        });
        Assert.All(actions.Where(a => Type(a) == "Action.Submit"), submit =>
            Assert.True(submit["data"]?["verb"]?.GetValue<string>() is { } verb ? known.Contains(verb) : submit["data"]?["kbCommand"] is not null));
    }

    [Theory]
    [MemberData(nameof(EveryCard))]
    public void Render_EveryCard_TextsAndTitlesWithinTeamsLimits(CardTemplate template, BotLanguage language)
    {
        var card = Render(template, language);

        Assert.All(Actions(card), a => Assert.True(a["title"]!.GetValue<string>().Length <= MaxActionTitle, $"{template}: \"{a["title"]}\" is too long a button title"));
        Assert.All(TextBlocks(card), t => Assert.True(t.Length <= MaxTextBlock, $"{template}: a text of {t.Length} characters"));
    }

    [Theory]
    [MemberData(nameof(EveryCard))]
    public void Render_LargestCardOfEachTemplate_FitsATeamsMessage(CardTemplate template, BotLanguage language)
    {
        var model = LargestCardModels.For(template) ?? SampleCardModels.For(template, language);

        var card = _renderer.Render(template, _texts.For(language), model).Content!.Value;

        Assert.True(Encoding.UTF8.GetByteCount(card.GetRawText()) <= MaxPayloadBytes, $"{template} in {language}: {Encoding.UTF8.GetByteCount(card.GetRawText())} bytes");
    }

    [Fact]
    public void KnownVerbs_RoutesAndDialog_ClaimEachVerbOnce()
    {
        using var scope = _host.Services.CreateScope();
        var routes = scope.ServiceProvider.GetServices<ICardActionRoute>().Select(r => r.Verb).ToList();
        var dialog = _host.Services.GetRequiredService<MigrationDialog>().Verbs;

        Assert.Empty(routes.Intersect(dialog));
        Assert.Equal(routes.Count, routes.Distinct().Count());
        var constants = typeof(CardVerbs).GetFields().Select(f => (string)f.GetValue(null)!).ToHashSet();
        Assert.Equal(constants.Order(), routes.Concat(dialog).Order());
    }

    private HashSet<string> KnownVerbs()
    {
        using var scope = _host.Services.CreateScope();
        return [.. scope.ServiceProvider.GetServices<ICardActionRoute>().Select(r => r.Verb), .. _host.Services.GetRequiredService<MigrationDialog>().Verbs];
    }

    private JsonObject Render(CardTemplate template, BotLanguage language) =>
        JsonNode.Parse(_renderer.Render(template, _texts.For(language), SampleCardModels.For(template, language)).Content!.Value.GetRawText())!.AsObject();

    private static string? Type(JsonObject node) => node["type"]?.GetValue<string>();

    private static IEnumerable<JsonObject> Inputs(JsonNode? node) => Walk(node).Where(o => Type(o)?.StartsWith("Input.", StringComparison.Ordinal) == true);

    private static IEnumerable<JsonObject> Actions(JsonNode? node) => Walk(node).Where(o => Type(o) is "Action.Execute" or "Action.Submit" && !IsFallback(o, node));

    private static IEnumerable<string> TextBlocks(JsonNode? node) => Walk(node).Where(o => Type(o) == "TextBlock").Select(o => o["text"]!.GetValue<string>());

    // A fallback is checked with its Execute, not as a button of its own.
    private static bool IsFallback(JsonObject action, JsonNode? root) => Walk(root).Any(o => ReferenceEquals(o["fallback"], action));

    private static IEnumerable<JsonObject> Walk(JsonNode? node) => node switch
    {
        JsonObject o => [o, .. o.SelectMany(p => Walk(p.Value))],
        JsonArray a => a.SelectMany(Walk),
        _ => [],
    };
}
