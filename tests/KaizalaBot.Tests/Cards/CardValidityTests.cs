using System.Text.Json;
using System.Text.Json.Nodes;
using KaizalaBot.Cards;
using KaizalaBot.Localization;
using KaizalaBot.Testing.Processes;
using KaizalaBot.Tests.Support;

namespace KaizalaBot.Tests.Cards;

/// <summary>Every rendered card, in every language, passes the official Adaptive Cards renderer's parse and validation at 1.5.</summary>
public sealed class CardValidityTests
{
    [Fact]
    public async Task Render_EveryTemplateAndLanguage_HasNoAdaptiveCardsValidationEvents()
    {
        var renderer = new CardRenderer();
        var texts = new BotTexts();
        var cards = new JsonArray();
        foreach (var template in Enum.GetValues<CardTemplate>())
        {
            foreach (var language in Enum.GetValues<BotLanguage>())
            {
                var content = renderer.Render(template, texts.For(language), SampleCardModels.For(template, language)).Content!.Value;
                cards.Add(new JsonObject { ["name"] = $"{template}.{language}", ["card"] = JsonNode.Parse(content.GetRawText()) });
            }
        }

        var output = await NodeTool.RunAsync("adaptivecards", "validate-cards.js", cards.ToJsonString(), CancellationToken.None);

        var results = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.Equal(cards.Count, results.Count);
        Assert.All(results, result => Assert.True(
            result.GetProperty("events").GetArrayLength() == 0,
            $"{result.GetProperty("name").GetString()}: {result.GetProperty("events").GetRawText()}"));
    }

    [Fact]
    public async Task Validator_BrokenCard_ReportsTheProblem()
    {
        // Proves the check above can fail: a misspelt element type must be reported.
        const string Broken = """[{"name":"broken","card":{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlok","text":"x"}]}}]""";

        var output = await NodeTool.RunAsync("adaptivecards", "validate-cards.js", Broken, CancellationToken.None);

        Assert.Contains("UnknownElementType", output, StringComparison.Ordinal);
    }
}
