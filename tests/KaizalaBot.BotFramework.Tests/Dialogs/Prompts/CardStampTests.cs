using System.Text.Json;
using System.Text.Json.Nodes;
using KaizalaBot.BotFramework.Dialogs.Prompts;

namespace KaizalaBot.BotFramework.Tests.Dialogs.Prompts;

public sealed class CardStampTests
{
    [Fact]
    public void Apply_NestedActions_StampsSubmitAndExecuteAtAnyDepthOnly()
    {
        var card = JsonSerializer.SerializeToElement(JsonNode.Parse("""
            {
              "type": "AdaptiveCard",
              "body": [
                { "type": "Container", "selectAction": { "type": "Action.Submit", "data": { "row": 1 } } },
                { "type": "ActionSet", "actions": [ { "type": "Action.OpenUrl", "url": "https://example.com" } ] }
              ],
              "actions": [
                { "type": "Action.ShowCard", "card": { "type": "AdaptiveCard", "actions": [ { "type": "Action.Execute", "verb": "deep" } ] } },
                { "type": "Action.Submit", "data": "plain string" }
              ]
            }
            """));

        var stamped = JsonNode.Parse(CardStamp.Apply(card, "owner/prompt").GetRawText())!;

        Assert.Equal("owner/prompt", (string?)stamped["body"]![0]!["selectAction"]!["data"]!["kbPrompt"]);
        Assert.Equal(1, (int?)stamped["body"]![0]!["selectAction"]!["data"]!["row"]);
        Assert.Null(stamped["body"]![1]!["actions"]![0]!["data"]);
        Assert.Equal("owner/prompt", (string?)stamped["actions"]![0]!["card"]!["actions"]![0]!["data"]!["kbPrompt"]);
        Assert.Equal("plain string", (string?)stamped["actions"]![1]!["data"]!["value"]);
        Assert.Equal("owner/prompt", (string?)stamped["actions"]![1]!["data"]!["kbPrompt"]);
    }

    [Fact]
    public void Apply_ExecuteWithSubmitFallbackThatHasVerb_KeepsFallbackVerb()
    {
        var card = JsonSerializer.SerializeToElement(JsonNode.Parse("""
            { "type": "AdaptiveCard", "actions": [
              { "type": "Action.Execute", "verb": "go", "fallback": { "type": "Action.Submit", "data": { "verb": "custom" } } } ] }
            """));

        var stamped = JsonNode.Parse(CardStamp.Apply(card, "s").GetRawText())!;

        Assert.Equal("custom", (string?)stamped["actions"]![0]!["fallback"]!["data"]!["verb"]);
        Assert.Equal("s", (string?)stamped["actions"]![0]!["fallback"]!["data"]!["kbPrompt"]);
    }

    [Fact]
    public void Apply_ExecuteWithFallbackDrop_LeavesDropAlone()
    {
        var card = JsonSerializer.SerializeToElement(JsonNode.Parse("""
            { "type": "AdaptiveCard", "actions": [ { "type": "Action.Execute", "verb": "go", "fallback": "drop" } ] }
            """));

        var stamped = JsonNode.Parse(CardStamp.Apply(card, "s").GetRawText())!;

        Assert.Equal("drop", (string?)stamped["actions"]![0]!["fallback"]);
        Assert.Equal("s", (string?)stamped["actions"]![0]!["data"]!["kbPrompt"]);
    }
}
