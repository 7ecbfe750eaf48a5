using System.Text.Json;
using System.Text.Json.Nodes;
using KaizalaBot.BotFramework.Schema;

namespace KaizalaBot.BotFramework.Dialogs.Prompts;

/// <summary>
/// Marks every action of a card with the prompt that sent it, so a click can be matched with the prompt that is
/// waiting (or refused when that prompt is gone). The stamp travels as a hidden data field, which Teams returns
/// with the click: merged into <c>value</c> for Action.Submit, in <c>value.action.data</c> for Action.Execute.
/// </summary>
internal static class CardStamp
{
    public const string DataKey = "kbPrompt";

    private const string SubmitType = "Action.Submit";
    private const string ExecuteType = "Action.Execute";

    /// <summary>
    /// A copy of <paramref name="card"/> with <paramref name="stamp"/> in the data of every Action.Submit and
    /// Action.Execute, at any depth (action sets, show-card sub-cards, select actions, fallbacks). An Action.Submit
    /// whose data is not an object gets <c>{"value": data}</c>, since only an object can carry the stamp.
    /// An Execute's verb is copied into its Action.Submit fallback as <c>data.verb</c> so both paths name the verb.
    /// </summary>
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
            existing[DataKey] = stamp;
        }
        else
        {
            var original = obj["data"]?.DeepClone();
            obj["data"] = original is null
                ? new JsonObject { [DataKey] = stamp }
                : new JsonObject { ["value"] = original, [DataKey] = stamp };
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
