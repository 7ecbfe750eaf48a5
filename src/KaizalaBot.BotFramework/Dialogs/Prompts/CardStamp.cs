using System.Runtime.InteropServices;
using System.Text.Json;
using KaizalaBot.BotFramework.Schema;

namespace KaizalaBot.BotFramework.Dialogs.Prompts;

/// <summary>
/// Marks every action of a card with the prompt that sent it, so a click can be matched with the prompt that is
/// waiting (or refused when that prompt is gone). The stamp travels as a hidden data field, which Teams returns
/// with the click: merged into <c>value</c> for Action.Submit, in <c>value.action.data</c> for Action.Execute.
/// </summary>
/// <remarks>
/// One pass over the card's parsed element straight into a writer: no JSON-node tree, no second parse of its text.
/// The element already knows every object's properties, so an action's <c>type</c> is found before its <c>data</c> is
/// written, whichever comes first in the object. A card is 10-20 KB and stamped on every prompt turn; the node round
/// trip this replaces was several percent of a migration turn (docs/performance.md).
/// </remarks>
internal static class CardStamp
{
    public const string DataKey = "kbPrompt";

    private const string VerbKey = "verb";

    private static ReadOnlySpan<byte> SubmitType => "Action.Submit"u8;

    private static ReadOnlySpan<byte> ExecuteType => "Action.Execute"u8;

    /// <summary>
    /// A copy of <paramref name="card"/> with <paramref name="stamp"/> in the data of every Action.Submit and
    /// Action.Execute, at any depth (action sets, show-card sub-cards, select actions, fallbacks). An Action.Submit
    /// whose data is not an object gets <c>{"value": data}</c>, since only an object can carry the stamp.
    /// An Execute's verb is copied into its Action.Submit fallback as <c>data.verb</c> so both paths name the verb.
    /// </summary>
    public static JsonElement Apply(JsonElement card, string stamp)
    {
        return JsonElements.Write(
            (card, stamp),
            static (writer, state) => WriteValue(writer, state.card, state.stamp, fallbackVerb: null),
            JsonMarshal.GetRawUtf8Value(card).Length + 1024);
    }

    /// <param name="fallbackVerb">Set when <paramref name="value"/> is the fallback of an Action.Execute with this verb.</param>
    private static void WriteValue(Utf8JsonWriter writer, JsonElement value, string stamp, string? fallbackVerb)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                WriteObject(writer, value, stamp, fallbackVerb);
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in value.EnumerateArray())
                {
                    WriteValue(writer, item, stamp, fallbackVerb: null);
                }

                writer.WriteEndArray();
                break;
            default:
                value.WriteTo(writer);
                break;
        }
    }

    private static void WriteObject(Utf8JsonWriter writer, JsonElement obj, string stamp, string? fallbackVerb)
    {
        // Found once and compared in place: reading every object's type as a string would allocate one per element of the
        // card, and looking it up once per action type scanned every object's properties twice.
        var type = obj.TryGetProperty("type"u8, out var value) && value.ValueKind == JsonValueKind.String ? value : default;
        var isSubmit = type.ValueKind == JsonValueKind.String && type.ValueEquals(SubmitType);
        var isExecute = !isSubmit && type.ValueKind == JsonValueKind.String && type.ValueEquals(ExecuteType);
        if (!isSubmit && !isExecute)
        {
            WriteProperties(writer, obj, stamp);
            return;
        }

        // The verb an Execute's Action.Submit fallback receives; a fallback that is not a Submit (e.g. "drop") gets none.
        var verb = isExecute && obj.TryGetProperty(VerbKey, out var verbValue) && verbValue.ValueKind == JsonValueKind.String
            ? verbValue.GetString()
            : null;
        var dataVerb = isSubmit ? fallbackVerb : null;
        writer.WriteStartObject();
        var hasData = false;
        foreach (var property in obj.EnumerateObject())
        {
            WriteName(writer, property);
            if (property.NameEquals("data"))
            {
                hasData = true;
                WriteActionData(writer, property.Value, stamp, dataVerb);
            }
            else
            {
                WriteValue(writer, property.Value, stamp, property.NameEquals("fallback") ? verb : null);
            }
        }

        if (!hasData)
        {
            writer.WritePropertyName("data");
            writer.WriteStartObject();
            if (dataVerb is not null)
            {
                writer.WriteString(VerbKey, dataVerb);
            }

            writer.WriteString(DataKey, stamp);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    /// <summary>An action's data with the stamp (and, for an Execute's fallback, the verb when it has none).</summary>
    private static void WriteActionData(Utf8JsonWriter writer, JsonElement data, string stamp, string? verb)
    {
        switch (data.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                var hasStamp = false;
                var hasVerb = false;
                foreach (var property in data.EnumerateObject())
                {
                    WriteName(writer, property);
                    if (property.NameEquals(DataKey))
                    {
                        hasStamp = true;
                        writer.WriteStringValue(stamp);
                    }
                    else if (verb is not null && property.NameEquals(VerbKey))
                    {
                        // The fallback's own verb stands; a null one is the action's.
                        hasVerb = true;
                        if (property.Value.ValueKind == JsonValueKind.Null)
                        {
                            writer.WriteStringValue(verb);
                        }
                        else
                        {
                            WriteValue(writer, property.Value, stamp, fallbackVerb: null);
                        }
                    }
                    else
                    {
                        WriteValue(writer, property.Value, stamp, fallbackVerb: null);
                    }
                }

                if (verb is not null && !hasVerb)
                {
                    writer.WriteString(VerbKey, verb);
                }

                if (!hasStamp)
                {
                    writer.WriteString(DataKey, stamp);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Null:
                writer.WriteStartObject();
                if (verb is not null)
                {
                    writer.WriteString(VerbKey, verb);
                }

                writer.WriteString(DataKey, stamp);
                writer.WriteEndObject();
                break;
            default:
                // Only an object can carry the stamp; an Execute fallback's non-object data gets no verb, as before.
                writer.WriteStartObject();
                writer.WritePropertyName("value");
                WriteValue(writer, data, stamp, fallbackVerb: null);
                writer.WriteString(DataKey, stamp);
                writer.WriteEndObject();
                break;
        }
    }

    private static void WriteProperties(Utf8JsonWriter writer, JsonElement obj, string stamp)
    {
        writer.WriteStartObject();
        foreach (var property in obj.EnumerateObject())
        {
            WriteName(writer, property);
            WriteValue(writer, property.Value, stamp, fallbackVerb: null);
        }

        writer.WriteEndObject();
    }

    // The raw name is reused as written unless it holds an escape, which the writer would otherwise escape twice.
    private static void WriteName(Utf8JsonWriter writer, JsonProperty property)
    {
        var raw = JsonMarshal.GetRawUtf8PropertyName(property);
        if (raw.IndexOf((byte)'\\') < 0)
        {
            writer.WritePropertyName(raw);
        }
        else
        {
            writer.WritePropertyName(property.Name);
        }
    }
}
