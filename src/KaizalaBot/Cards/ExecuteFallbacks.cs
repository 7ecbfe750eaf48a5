using System.Text.Json.Nodes;

namespace KaizalaBot.Cards;

/// <summary>
/// Gives every <c>Action.Execute</c> of a bound card an <c>Action.Submit</c> fallback with the same title and data plus
/// its <c>verb</c> (protocol ref. §5.4): clients without Universal Actions still reach the same route or prompt, and no
/// template can forget it.
/// </summary>
internal static class ExecuteFallbacks
{
    public static void Add(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["type"]?.GetValue<string>() == "Action.Execute" && obj["fallback"] is null)
                {
                    var data = obj["data"]?.DeepClone() as JsonObject ?? [];
                    data["verb"] ??= obj["verb"]?.DeepClone();
                    obj["fallback"] = new JsonObject
                    {
                        ["type"] = "Action.Submit",
                        ["title"] = obj["title"]?.DeepClone(),
                        ["data"] = data,
                    };
                    if (obj["isEnabled"] is { } enabled)
                    {
                        obj["fallback"]!["isEnabled"] = enabled.DeepClone();
                    }
                }

                foreach (var child in obj.Where(p => p.Key != "fallback").Select(p => p.Value).ToList())
                {
                    if (child is not null)
                    {
                        Add(child);
                    }
                }

                break;
            case JsonArray array:
                foreach (var child in array.ToList())
                {
                    if (child is not null)
                    {
                        Add(child);
                    }
                }

                break;
        }
    }
}
