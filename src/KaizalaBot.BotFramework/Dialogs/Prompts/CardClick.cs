using System.Runtime.InteropServices;
using System.Text.Json;
using KaizalaBot.BotFramework.Schema;

namespace KaizalaBot.BotFramework.Dialogs.Prompts;

/// <summary>
/// A click on an Adaptive Card as it reaches the bot: an <c>Action.Submit</c> message with a <c>value</c>
/// (protocol ref. §5.3) or an <c>adaptiveCard/action</c> invoke (§5.4). <see cref="Stamp"/> is <c>null</c> when the
/// data carries no readable stamp (a foreign card or tampered data). <see cref="IsRefresh"/> marks an invoke Teams sent
/// by itself (<c>trigger: "automatic"</c>, a card's <c>refresh</c>): it asks for the card's current view and answers
/// nothing.
/// </summary>
internal sealed record CardClick(CardSubmissionKind Kind, string? Verb, string? Stamp, JsonElement Data, bool IsRefresh = false)
{
    private static readonly JsonElement EmptyObject = JsonElement.Parse("{}"u8);

    public CardSubmission ToSubmission() => new() { Kind = Kind, Verb = Verb, Data = Data };

    public static CardClick? TryRead(Activity activity)
    {
        if (activity.Type == ActivityTypes.Invoke && activity.Name == InvokeNames.AdaptiveCardAction)
        {
            var action = activity.Value is { ValueKind: JsonValueKind.Object } value
                && value.TryGetProperty("action", out var a) && a.ValueKind == JsonValueKind.Object
                ? a
                : default;
            var verb = action.ValueKind == JsonValueKind.Object && action.TryGetProperty("verb", out var v)
                && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            var data = action.ValueKind == JsonValueKind.Object && action.TryGetProperty("data", out var d) ? d : default;
            var automatic = activity.Value is { ValueKind: JsonValueKind.Object } invoke
                && invoke.TryGetProperty("trigger", out var trigger) && trigger.ValueKind == JsonValueKind.String
                && string.Equals(trigger.GetString(), "automatic", StringComparison.OrdinalIgnoreCase);
            return Create(CardSubmissionKind.Execute, verb, data) with { IsRefresh = automatic };
        }

        if (activity.Type == ActivityTypes.Message && activity.Value is { ValueKind: not JsonValueKind.Null } submitted)
        {
            var verb = submitted.ValueKind == JsonValueKind.Object && submitted.TryGetProperty("verb", out var v)
                && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            return Create(CardSubmissionKind.Submit, verb, submitted);
        }

        return null;
    }

    private static CardClick Create(CardSubmissionKind kind, string? verb, JsonElement data)
    {
        if (data.ValueKind != JsonValueKind.Object)
        {
            return new CardClick(kind, verb, null, EmptyObject);
        }

        var stamp = data.TryGetProperty(CardStamp.DataKey, out var stampValue) && stampValue.ValueKind == JsonValueKind.String
            ? stampValue.GetString()
            : null;
        return new CardClick(kind, verb, stamp, WithoutStamp(data));
    }

    // The data's own properties written straight from the element, without the stamp: a tree of nodes cloned from it
    // only to remove one property was the most of reading a click (docs/performance.md).
    private static JsonElement WithoutStamp(JsonElement data) => JsonElements.Write(
        data,
        static (writer, data) =>
        {
            writer.WriteStartObject();
            foreach (var property in data.EnumerateObject())
            {
                if (!property.NameEquals(CardStamp.DataKey))
                {
                    property.WriteTo(writer);
                }
            }

            writer.WriteEndObject();
        },
        JsonMarshal.GetRawUtf8Value(data).Length + 64);
}
