using System.Text.Json;
using System.Text.Json.Nodes;

namespace KaizalaBot.Testing.Cards;

/// <summary>
/// What a Teams client sends when a button of a card is clicked: the button's data merged with the card's inputs, each
/// input left at the value the card gives it (a choice set without one at its first choice), as a seller accepting every
/// default would. Reads the card the bot sent, so the walk follows whatever the bot offers.
/// </summary>
public static class CardClick
{
    private const string ExecuteType = "Action.Execute";
    private const string SubmitType = "Action.Submit";

    /// <summary>
    /// The data of the button with <paramref name="verb"/> (any button of that style when null): for
    /// <see cref="CardActionStyle.Execute"/> an <c>Action.Execute</c>, for <see cref="CardActionStyle.Submit"/> an
    /// <c>Action.Submit</c> (an Execute's fallback carries its verb as <c>data.verb</c>), with the button's own verb.
    /// Null when the card has none.
    /// </summary>
    public static (string? Verb, JsonObject Data)? Find(JsonElement card, string? verb, CardActionStyle style) =>
        FindAll(card, verb, style) is [var first, ..] ? first : null;

    /// <summary>Every button <see cref="Find"/> could click, in the card's order (a list of customers, each with its own button).</summary>
    public static IReadOnlyList<(string? Verb, JsonObject Data)> FindAll(JsonElement card, string? verb, CardActionStyle style)
    {
        var root = JsonNode.Parse(card.GetRawText());
        if (root is null)
        {
            return [];
        }

        var inputs = Inputs(root).ToList();
        return [.. Actions(root, verb, style).Select(action =>
        {
            var data = action["data"]?.DeepClone() as JsonObject ?? [];
            foreach (var (id, value) in inputs)
            {
                if (!data.ContainsKey(id))
                {
                    data[id] = value;
                }
            }

            return (Text(action["verb"]) ?? Text(data["verb"]), data);
        })];
    }

    private static IEnumerable<JsonObject> Actions(JsonNode node, string? verb, CardActionStyle style)
    {
        switch (node)
        {
            case JsonObject obj:
                if (Matches(obj, verb, style))
                {
                    yield return obj;
                    yield break;
                }

                foreach (var (_, child) in obj)
                {
                    if (child is not null)
                    {
                        foreach (var found in Actions(child, verb, style))
                        {
                            yield return found;
                        }
                    }
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    if (child is not null)
                    {
                        foreach (var found in Actions(child, verb, style))
                        {
                            yield return found;
                        }
                    }
                }

                break;
        }
    }

    private static bool Matches(JsonObject obj, string? verb, CardActionStyle style) => style switch
    {
        CardActionStyle.Execute => Text(obj["type"]) == ExecuteType && (verb is null || Text(obj["verb"]) == verb),
        _ => Text(obj["type"]) == SubmitType && (verb is null || Text((obj["data"] as JsonObject)?["verb"]) == verb),
    };

    /// <summary>Every input of the card with the value a click would send (Teams sends input values as strings).</summary>
    private static IEnumerable<(string Id, string Value)> Inputs(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                if (Text(obj["type"]) is { } type && type.StartsWith("Input.", StringComparison.Ordinal) && Text(obj["id"]) is { } id)
                {
                    var value = obj["value"] is JsonValue given ? given.ToString()
                        : (obj["choices"] as JsonArray)?.OfType<JsonObject>().Select(c => Text(c["value"])).FirstOrDefault()
                        ?? string.Empty;
                    yield return (id, value);
                }

                foreach (var (name, child) in obj)
                {
                    // A fallback is another rendering of the same element, not a second input.
                    if (child is not null && name != "fallback")
                    {
                        foreach (var input in Inputs(child))
                        {
                            yield return input;
                        }
                    }
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    if (child is not null)
                    {
                        foreach (var input in Inputs(child))
                        {
                            yield return input;
                        }
                    }
                }

                break;
        }
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
