using System.Text.Json;
using System.Text.Json.Nodes;

namespace KaizalaBot.Reliability;

/// <summary>Reading what a card shows: its objects at any depth, and a fact of its fact sets by title.</summary>
internal static class CardJson
{
    public static IEnumerable<JsonObject> Objects(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                yield return obj;
                foreach (var (_, child) in obj)
                {
                    foreach (var inner in Objects(child))
                    {
                        yield return inner;
                    }
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    foreach (var inner in Objects(child))
                    {
                        yield return inner;
                    }
                }

                break;
        }
    }

    /// <summary>The value of the first fact titled <paramref name="title"/>, if the card has one.</summary>
    public static string? Fact(JsonNode card, string title) =>
        Objects(card)
            .Where(o => Text(o["title"]) == title && o["value"] is JsonValue)
            .Select(o => Text(o["value"]))
            .FirstOrDefault();

    /// <summary>Whether any text of the card contains <paramref name="text"/>.</summary>
    public static bool Shows(JsonElement card, string text) =>
        Objects(JsonNode.Parse(card.GetRawText()))
            .SelectMany(o => o.Select(p => Text(p.Value)))
            .Any(t => t?.Contains(text, StringComparison.Ordinal) == true);

    /// <summary>The whole number a text starts with, group separators of any culture skipped ("1 234 (new…)" is 1234).</summary>
    public static int? LeadingNumber(string? text)
    {
        var digits = new string([.. (text ?? "").TakeWhile(c => char.IsAsciiDigit(c) || char.IsWhiteSpace(c) || c is ',' or '.' or '\u202F' or '\u00A0').Where(char.IsAsciiDigit)]);
        return int.TryParse(digits, System.Globalization.CultureInfo.InvariantCulture, out var number) ? number : null;
    }

    public static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    /// <summary>A number the card carries as a number or as a string ("${max}" bound either way).</summary>
    public static long? Number(JsonNode? node) => node switch
    {
        JsonValue value when value.TryGetValue<long>(out var number) => number,
        JsonValue value when value.TryGetValue<double>(out var real) => (long)real,
        JsonValue value when value.TryGetValue<string>(out var text) && long.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };
}
