using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text.Json;
using KaizalaBot.BotFramework.Schema;

namespace KaizalaBot.BotFramework.Dialogs.Prompts;

/// <summary>
/// <see cref="CardStamp"/>'s walk over a card: the edits that put the stamp in place, found in the parsed element; the
/// card's own bytes (<see cref="Card"/>) are what every element's bytes are a slice of. <see cref="Member"/> is the
/// stamp's <c>"kbPrompt":"…"</c> and <see cref="CommaMember"/> the same after a comma, written once for every edit.
/// </summary>
internal readonly record struct CardStampWalk(JsonElement Card, string QuotedStamp, string Member, string CommaMember, List<CardEdit> Edits)
{
    public static CardStampWalk For(JsonElement card, string stamp)
    {
        var quoted = Quote(stamp);
        var member = $"\"{CardStamp.DataKey}\":{quoted}";
        return new CardStampWalk(card, quoted, member, "," + member, []);
    }

    private const string VerbKey = "verb";

    private static ReadOnlySpan<byte> SubmitType => "Action.Submit"u8;

    private static ReadOnlySpan<byte> ExecuteType => "Action.Execute"u8;

    /// <summary>A name or string as the JSON writer writes it: quoted, escaped with the bot's encoder.</summary>
    public static string Quote(string text) => $"\"{JsonEncodedText.Encode(text, BotJson.Options.Encoder).Value}\"";

    /// <param name="fallbackVerb">Set when <paramref name="value"/> is the fallback of an Action.Execute with this verb.</param>
    public void Value(JsonElement value, string? fallbackVerb)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                Object(value, fallbackVerb);
                break;
            case JsonValueKind.Array:
                foreach (var item in value.EnumerateArray())
                {
                    Value(item, fallbackVerb: null);
                }

                break;
        }
    }

    private void Object(JsonElement obj, string? fallbackVerb)
    {
        // Found once and compared in place: reading every object's type as a string would allocate one per element.
        var type = obj.TryGetProperty("type"u8, out var value) && value.ValueKind == JsonValueKind.String ? value : default;
        var isSubmit = type.ValueKind == JsonValueKind.String && type.ValueEquals(SubmitType);
        var isExecute = !isSubmit && type.ValueKind == JsonValueKind.String && type.ValueEquals(ExecuteType);
        if (!isSubmit && !isExecute)
        {
            foreach (var property in obj.EnumerateObject())
            {
                Value(property.Value, fallbackVerb: null);
            }

            return;
        }

        // The verb an Execute's Action.Submit fallback receives; a fallback that is not a Submit (e.g. "drop") gets none.
        var verb = isExecute && obj.TryGetProperty(VerbKey, out var verbValue) && verbValue.ValueKind == JsonValueKind.String
            ? verbValue.GetString()
            : null;
        var dataVerb = isSubmit ? fallbackVerb : null;
        var hasData = false;
        foreach (var property in obj.EnumerateObject())
        {
            if (property.NameEquals("data"))
            {
                hasData = true;
                ActionData(property.Value, dataVerb);
            }
            else
            {
                Value(property.Value, property.NameEquals("fallback") ? verb : null);
            }
        }

        if (!hasData)
        {
            Edits.Add(new CardEdit(End(obj), 0, $",\"data\":{{{Additions(dataVerb, stamp: true)}}}"));
        }
    }

    /// <summary>An action's data with the stamp (and, for an Execute's fallback, the verb when it has none).</summary>
    private void ActionData(JsonElement data, string? verb)
    {
        switch (data.ValueKind)
        {
            case JsonValueKind.Object:
                var hasStamp = false;
                var hasVerb = false;
                var any = false;
                foreach (var property in data.EnumerateObject())
                {
                    any = true;
                    if (property.NameEquals(CardStamp.DataKey))
                    {
                        hasStamp = true;
                        Replace(property.Value, QuotedStamp);
                    }
                    else if (verb is not null && property.NameEquals(VerbKey))
                    {
                        // The fallback's own verb stands; a null one is the action's.
                        hasVerb = true;
                        if (property.Value.ValueKind == JsonValueKind.Null)
                        {
                            Replace(property.Value, Quote(verb));
                        }
                        else
                        {
                            Value(property.Value, fallbackVerb: null);
                        }
                    }
                    else
                    {
                        Value(property.Value, fallbackVerb: null);
                    }
                }

                var added = (hasVerb ? null : verb, hasStamp) switch
                {
                    (null, true) => "",
                    (null, false) => any ? CommaMember : Member,
                    ({ } missing, _) => (any ? "," : "") + Additions(missing, stamp: !hasStamp),
                };
                if (added.Length > 0)
                {
                    Edits.Add(new CardEdit(End(data), 0, added));
                }

                break;
            case JsonValueKind.Null:
                Replace(data, $"{{{Additions(verb, stamp: true)}}}");
                break;
            default:
                // Only an object can carry the stamp; an Execute fallback's non-object data gets no verb, as before.
                Edits.Add(new CardEdit(Start(data), 0, "{\"value\":"));
                Value(data, fallbackVerb: null);
                Edits.Add(new CardEdit(Start(data) + JsonMarshal.GetRawUtf8Value(data).Length, 0, CommaMember + "}"));
                break;
        }
    }

    private string Additions(string? verb, bool stamp) => (verb, stamp) switch
    {
        (null, false) => "",
        (null, true) => Member,
        ({ } only, false) => $"\"{VerbKey}\":{Quote(only)}",
        ({ } both, true) => $"\"{VerbKey}\":{Quote(both)}{CommaMember}",
    };

    private void Replace(JsonElement value, string text) => Edits.Add(new CardEdit(Start(value), JsonMarshal.GetRawUtf8Value(value).Length, text));

    // Before an object's closing brace.
    private int End(JsonElement obj) => Start(obj) + JsonMarshal.GetRawUtf8Value(obj).Length - 1;

    // Where an element's bytes start within the card's: a parsed document keeps its JSON in one buffer.
    private int Start(JsonElement element)
    {
        var card = JsonMarshal.GetRawUtf8Value(Card);
        var bytes = JsonMarshal.GetRawUtf8Value(element);
        var offset = Unsafe.ByteOffset(ref MemoryMarshal.GetReference(card), ref MemoryMarshal.GetReference(bytes));
        return offset >= 0 && offset + bytes.Length <= card.Length
            ? (int)offset
            : throw new InvalidOperationException("The element is not part of the card being stamped.");
    }
}
