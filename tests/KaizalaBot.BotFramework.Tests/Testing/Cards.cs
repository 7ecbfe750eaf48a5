using System.Text.Json;

namespace KaizalaBot.BotFramework.Tests.Testing;

/// <summary>Small Adaptive Cards for tests: an Action.Execute with an Action.Submit fallback, as the host's cards are.</summary>
internal static class Cards
{
    public static JsonElement Choice(string title, params string[] verbs)
    {
        var actions = verbs.Select(verb => new Dictionary<string, object>
        {
            ["type"] = "Action.Execute",
            ["title"] = verb,
            ["verb"] = verb,
            ["data"] = new Dictionary<string, object> { ["choice"] = verb },
            ["fallback"] = new Dictionary<string, object>
            {
                ["type"] = "Action.Submit",
                ["title"] = verb,
                ["data"] = new Dictionary<string, object> { ["choice"] = verb },
            },
        });
        var card = new Dictionary<string, object>
        {
            ["type"] = "AdaptiveCard",
            ["version"] = "1.5",
            ["body"] = new object[] { new Dictionary<string, object> { ["type"] = "TextBlock", ["text"] = title } },
            ["actions"] = new object[] { new Dictionary<string, object> { ["type"] = "ActionSet", ["actions"] = actions.ToArray() } },
        };
        return JsonSerializer.SerializeToElement(card);
    }

    public static string? Title(JsonElement card) =>
        card.GetProperty("body")[0].GetProperty("text").GetString();
}
