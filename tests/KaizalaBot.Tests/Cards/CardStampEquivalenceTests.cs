using System.Text.Json;
using System.Text.Json.Nodes;
using KaizalaBot.BotFramework.Schema;
using KaizalaBot.BotFramework.Dialogs.Prompts;
using KaizalaBot.Cards;
using KaizalaBot.Localization;

namespace KaizalaBot.Tests.Cards;

/// <summary>
/// <see cref="CardStamp"/>, which edits the card's bytes in place, makes the changes the node-based stamping made (same
/// properties, same order): to the byte on every template in every language (the renderer escapes as that stamping
/// did), and up to the escaping of what it leaves alone on hand-made cards covering each of its rules.
/// </summary>
public sealed class CardStampEquivalenceTests
{
    private const string Stamp = "owner-1/prompt \"2\" é";

    [Theory]
    [MemberData(nameof(CardRendererTests.EveryCard), MemberType = typeof(CardRendererTests))]
    public void Apply_EveryRenderedTemplate_WritesWhatTheNodeStampingWrote(CardTemplate template, BotLanguage language)
    {
        var card = new CardRenderer().Render(template, new BotTexts().For(language), SampleCardModels.For(template, language)).Content!.Value;

        var stamped = CardStamp.Apply(card, Stamp).GetRawText();

        Assert.Equal(NodeCardStamp.Apply(card, Stamp).GetRawText(), stamped);
        var hasActions = card.GetRawText().Contains("\"Action.Submit\"", StringComparison.Ordinal)
            || card.GetRawText().Contains("\"Action.Execute\"", StringComparison.Ordinal);
        Assert.Equal(hasActions, stamped.Contains(CardStamp.DataKey, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{"actions":[{"data":{"a":1},"title":"t","type":"Action.Submit"}]}""")]
    [InlineData("""{"actions":[{"data":{"kbPrompt":"old","a":1},"type":"Action.Execute","verb":"v"}]}""")]
    [InlineData("""{"actions":[{"type":"Action.Submit","data":null},{"type":"Action.Submit"},{"type":"Action.Submit","data":[1,{"type":"Action.Submit"}]}]}""")]
    [InlineData("""{"actions":[{"fallback":{"data":{"x":1},"type":"Action.Submit"},"verb":"go","type":"Action.Execute"}]}""")]
    [InlineData("""{"actions":[{"type":"Action.Execute","verb":"go","fallback":{"type":"Action.Submit","data":{"verb":null,"kbPrompt":"x"}}}]}""")]
    [InlineData("""{"actions":[{"type":"Action.Execute","verb":"go","fallback":{"type":"Action.Submit","data":null}}]}""")]
    [InlineData("""{"actions":[{"type":"Action.Execute","verb":"go","fallback":{"type":"Action.Submit","data":"text"}}]}""")]
    [InlineData("""{"actions":[{"type":"Action.Execute","verb":"go","fallback":{"type":"Action.Submit"}}]}""")]
    [InlineData("""{"actions":[{"type":"Action.Execute","verb":"go","fallback":{"type":"Action.Execute","verb":"inner"}}]}""")]
    [InlineData("""{"actions":[{"type":"Action.Execute","verb":7,"fallback":{"type":"Action.Submit"}},{"type":"Action.Execute","fallback":"drop"}]}""")]
    [InlineData("""{"body":[{"type":"Container","selectAction":{"type":"Action.Submit","data":{"nested":{"type":"Action.Execute"}}}}],"n":1.50,"s":"<b>\"q\"\u00e9\n"}""")]
    [InlineData("""{"type":"Action.Submit","data":{"we\u0069rd":"\ud83d\ude00"}}""")]
    [InlineData("""[{"type":"Action.OpenUrl","url":"https://example.com/?a=1&b=2"},true,null,-0.0]""")]
    public void Apply_EveryRule_MakesTheChangesTheNodeStampingMade(string json)
    {
        var card = JsonDocument.Parse(json).RootElement;

        Assert.Equal(Canonical(NodeCardStamp.Apply(card, Stamp)), Canonical(CardStamp.Apply(card, Stamp)));
    }

    [Fact]
    public void Apply_HandMadeCard_KeepsTheBytesItDoesNotStampAsTheyWere()
    {
        const string json = """{ "type": "Action.Submit", "data": { "we\u0069rd": "<\ud83d\ude00>", "n": 1.50 } }""";
        var card = JsonDocument.Parse(json).RootElement;

        var stamped = CardStamp.Apply(card, Stamp).GetRawText();

        var quotedStamp = JsonSerializer.Serialize(Stamp, BotJson.Options);
        Assert.Equal(json.Replace("1.50 }", $"1.50 ,\"kbPrompt\":{quotedStamp}}}", StringComparison.Ordinal), stamped);
    }

    // The same JSON written the same way: what differs is only how the input escaped what the stamping left alone.
    private static string Canonical(JsonElement card) => JsonNode.Parse(card.GetRawText())!.ToJsonString(BotJson.Options);
}
