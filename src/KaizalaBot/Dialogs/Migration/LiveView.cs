using System.Text.Json;
using KaizalaBot.BotFramework.Schema;

namespace KaizalaBot.Dialogs.Migration;

/// <summary>
/// A waiting card drawn from background work rather than fixed when sent (reading a customer's users, a full
/// preview): kept in the prompt's options so the prompt can redraw it whenever that work reports progress.
/// </summary>
internal sealed record LiveView(LiveViewKind Kind, string Key, string CustomerName, MigrationStage Stage)
{
    public JsonElement ToJson() => JsonSerializer.SerializeToElement(this, BotJson.Options);

    public static LiveView? From(JsonElement? json)
    {
        if (json is not { ValueKind: JsonValueKind.Object } value)
        {
            return null;
        }

        try
        {
            return value.Deserialize<LiveView>(BotJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
