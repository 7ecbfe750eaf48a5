using System.Text.Json;
using KaizalaBot.Benchmarks.Turns;
using KaizalaBot.Testing.Cards;

namespace KaizalaBot.Benchmarks.Tests;

public sealed class CardClickTests
{
    private static readonly JsonElement Card = JsonDocument.Parse("""
        {
          "type": "AdaptiveCard",
          "body": [
            { "type": "Input.Number", "id": "count", "value": 12 },
            { "type": "Input.ChoiceSet", "id": "plan", "choices": [ { "title": "E3", "value": "m365-e3" }, { "title": "E5", "value": "m365-e5" } ] },
            { "type": "Input.Text", "id": "note", "fallback": { "type": "Input.Text", "id": "shadow" } }
          ],
          "actions": [
            { "type": "Action.Execute", "verb": "migrate.back", "data": { "kbPrompt": "a/1" } },
            {
              "type": "Action.Execute", "verb": "migrate.count", "data": { "kbPrompt": "a/1", "count": "from-data" },
              "fallback": { "type": "Action.Submit", "data": { "kbPrompt": "a/1", "verb": "migrate.count" } }
            }
          ]
        }
        """).RootElement;

    [Fact]
    public void Find_ExecuteVerb_ThatButtonsDataWithEveryInputAtItsDefault()
    {
        var (verb, data) = CardClick.Find(Card, "migrate.count", CardActionStyle.Execute)!.Value;

        Assert.Equal("migrate.count", verb);
        Assert.Equal("a/1", data["kbPrompt"]!.ToString());
        Assert.Equal("from-data", data["count"]!.ToString());   // the button's own data wins over an input of that id
        Assert.Equal("m365-e3", data["plan"]!.ToString());      // a choice set without a value: its first choice
        Assert.Equal(string.Empty, data["note"]!.ToString());
        Assert.False(data.ContainsKey("shadow"));               // a fallback is not a second input
    }

    [Fact]
    public void Find_SubmitVerb_TheExecuteFallbackCarryingThatVerb()
    {
        var (verb, data) = CardClick.Find(Card, "migrate.count", CardActionStyle.Submit)!.Value;

        Assert.Equal("migrate.count", verb);
        Assert.Equal("12", data["count"]!.ToString());
    }

    [Fact]
    public void Find_VerbNotOnTheCard_Null()
    {
        Assert.Null(CardClick.Find(Card, "migrate.confirm", CardActionStyle.Execute));
        Assert.Null(CardClick.Find(Card, "migrate.back", CardActionStyle.Submit));
    }

    [Fact]
    public void FindAll_OneButtonPerListedItem_EachWithItsOwnDataInTheCardsOrder()
    {
        var list = JsonDocument.Parse("""
            {
              "type": "AdaptiveCard",
              "body": [
                { "type": "Input.Text", "id": "search", "value": "contoso" },
                { "type": "ActionSet", "actions": [ { "type": "Action.Execute", "verb": "migrate.customer", "data": { "customerId": "c-1" } } ] },
                { "type": "ActionSet", "actions": [ { "type": "Action.Execute", "verb": "migrate.customer", "data": { "customerId": "c-2" } } ] }
              ],
              "actions": [ { "type": "Action.Execute", "verb": "migrate.cancel" } ]
            }
            """).RootElement;

        var buttons = CardClick.FindAll(list, "migrate.customer", CardActionStyle.Execute);

        Assert.Equal(["c-1", "c-2"], buttons.Select(b => b.Data["customerId"]!.ToString()));
        Assert.All(buttons, b => Assert.Equal(("migrate.customer", "contoso"), (b.Verb, b.Data["search"]!.ToString())));
        Assert.Equal(CardClick.Find(list, "migrate.customer", CardActionStyle.Execute)!.Value.Data.ToJsonString(), buttons[0].Data.ToJsonString());
    }
}
