using System.Text.Json;
using System.Text.Json.Nodes;
using KaizalaBot.BotFramework.Dialogs.Prompts;
using KaizalaBot.BotFramework.Schema;

namespace KaizalaBot.Tests.Cards;

/// <summary>
/// The stamping CardStamp did before it wrote in one pass (parse to JSON nodes, walk, serialise), kept verbatim as the
/// reference <see cref="CardStampEquivalenceTests"/> compares the one-pass writer with.
/// </summary>
internal static class NodeCardStamp
{
    private const string SubmitType = "Action.Submit";
    private const string ExecuteType = "Action.Execute";

    public static JsonElement Apply(JsonElement card, string stamp)
    {
        var node = JsonNode.Parse(card.GetRawText());
        if (node is not null)
        {
            Walk(node, stamp);
        }

        return JsonSerializer.SerializeToElement(node, BotJson.Options);
    }

    private static void Walk(JsonNode node, string stamp)
    {
        switch (node)
        {
            case JsonObject obj:
                StampAction(obj, stamp);
                foreach (var child in obj.Select(p => p.Value).ToList())
                {
                    if (child is not null)
                    {
                        Walk(child, stamp);
                    }
                }

                break;
            case JsonArray array:
                foreach (var child in array.ToList())
                {
                    if (child is not null)
                    {
                        Walk(child, stamp);
                    }
                }

                break;
        }
    }

    private static void StampAction(JsonObject obj, string stamp)
    {
        var type = obj["type"] is JsonValue t && t.TryGetValue<string>(out var s) ? s : null;
        if (type is not (SubmitType or ExecuteType))
        {
            return;
        }

        if (obj["data"] is JsonObject existing)
        {
            existing[CardStamp.DataKey] = stamp;
        }
        else
        {
            var original = obj["data"]?.DeepClone();
            obj["data"] = original is null
                ? new JsonObject { [CardStamp.DataKey] = stamp }
                : new JsonObject { ["value"] = original, [CardStamp.DataKey] = stamp };
        }

        if (type == ExecuteType
            && obj["verb"] is JsonValue verbValue && verbValue.TryGetValue<string>(out var verb)
            && obj["fallback"] is JsonObject fallback
            && fallback["type"] is JsonValue fallbackType && fallbackType.TryGetValue<string>(out var ft) && ft == SubmitType)
        {
            if (fallback["data"] is JsonObject fallbackData)
            {
                fallbackData["verb"] ??= verb;
            }
            else if (fallback["data"] is null)
            {
                fallback["data"] = new JsonObject { ["verb"] = verb };
            }
        }
    }
}
