using System.Text.Json.Nodes;

namespace KaizalaBot.Tests.Support;

/// <summary>A card as the seller sees it: the message it lives in and its content.</summary>
internal sealed record ShownCard(string ActivityId, JsonObject Card)
{
    public string Text => string.Join(" | ", Texts(Card));

    public bool HasVerb(string verb) => Actions(Card).Any(a => a["verb"]?.GetValue<string>() == verb);

    public static IEnumerable<JsonObject> Actions(JsonNode? node) => node switch
    {
        JsonObject o when o["type"]?.GetValue<string>() == "Action.Execute" => [o, .. o.Where(p => p.Key != "fallback").SelectMany(p => Actions(p.Value))],
        JsonObject o => o.SelectMany(p => Actions(p.Value)),
        JsonArray a => a.SelectMany(Actions),
        _ => [],
    };

    public static IEnumerable<string> Texts(JsonNode? node) => node switch
    {
        JsonObject o when o["type"]?.GetValue<string>() == "TextBlock" => [o["text"]!.GetValue<string>()],
        JsonObject o when o["type"]?.GetValue<string>() == "FactSet" => o["facts"]!.AsArray().Select(f => $"{f!["title"]}: {f["value"]}"),
        JsonObject o => o.SelectMany(p => Texts(p.Value)),
        JsonArray a => a.SelectMany(Texts),
        _ => [],
    };
}
