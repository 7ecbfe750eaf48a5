using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using KaizalaBot.BotFramework.Schema;

namespace KaizalaBot.BotFramework.Dialogs.Prompts;

/// <summary>
/// <see cref="CardStamp"/>'s walk over a card: where the stamp goes is found in the parsed element, and the card's own
/// bytes are copied to the output up to each such place, where the edit is written. The walk meets those places in the
/// card's order (it edits a place only once it has seen everything before it), so one pass copies the card once. An
/// Execute's verb given to its fallback is copied as the card has it, quotes and escapes included.
/// </summary>
internal sealed class CardStampWalk : IDisposable
{
    private const string VerbKey = "verb";

    private readonly JsonElement _card;

    // The stamp as a JSON string, and as the "kbPrompt":"…" member: encoded once for every action of the card.
    private readonly byte[] _quotedStamp;
    private readonly byte[] _member;
    private readonly PooledBufferWriter _output;

    // How much of the card's bytes is in the output already, and whether anything was edited.
    private int _copied;
    private bool _edited;

    public CardStampWalk(JsonElement card, string stamp)
    {
        _card = card;
        _quotedStamp = Encoding.UTF8.GetBytes($"\"{JsonEncodedText.Encode(stamp, BotJson.Options.Encoder).Value}\"");
        _member = [.. Encoding.UTF8.GetBytes($"\"{CardStamp.DataKey}\":"), .. _quotedStamp];
        _output = new PooledBufferWriter(JsonMarshal.GetRawUtf8Value(card).Length + 1024);
    }

    private static ReadOnlySpan<byte> SubmitType => "Action.Submit"u8;

    private static ReadOnlySpan<byte> ExecuteType => "Action.Execute"u8;

    /// <summary>The stamped card (the card itself when nothing in it needed the stamp).</summary>
    public JsonElement Result()
    {
        if (!_edited)
        {
            return _card;
        }

        _output.Write(JsonMarshal.GetRawUtf8Value(_card)[_copied..]);
        return JsonElement.Parse(_output.WrittenSpan);
    }

    public void Dispose() => _output.Dispose();

    /// <param name="value">Any value of the card.</param>
    /// <param name="fallbackVerb">Set when <paramref name="value"/> is the fallback of an Action.Execute with this verb.</param>
    public void Value(JsonElement value, JsonElement? fallbackVerb)
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

    private void Object(JsonElement obj, JsonElement? fallbackVerb)
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
            ? verbValue
            : (JsonElement?)null;
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
            CopyTo(End(obj), removed: 0);
            Put(""","data":{"""u8);
            PutAdditions(dataVerb, stamp: true);
            Put("}"u8);
        }
    }

    /// <summary>An action's data with the stamp (and, for an Execute's fallback, the verb when it has none).</summary>
    private void ActionData(JsonElement data, JsonElement? verb)
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
                        Replace(property.Value, _quotedStamp);
                    }
                    else if (verb is { } actionVerb && property.NameEquals(VerbKey))
                    {
                        // The fallback's own verb stands; a null one is the action's.
                        hasVerb = true;
                        if (property.Value.ValueKind == JsonValueKind.Null)
                        {
                            Replace(property.Value, JsonMarshal.GetRawUtf8Value(actionVerb));
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

                var missingVerb = hasVerb ? null : verb;
                if (missingVerb is not null || !hasStamp)
                {
                    CopyTo(End(data), removed: 0);
                    if (any)
                    {
                        Put(","u8);
                    }

                    PutAdditions(missingVerb, stamp: !hasStamp);
                }

                break;
            case JsonValueKind.Null:
                CopyTo(Start(data), JsonMarshal.GetRawUtf8Value(data).Length);
                Put("{"u8);
                PutAdditions(verb, stamp: true);
                Put("}"u8);
                break;
            default:
                // Only an object can carry the stamp; an Execute fallback's non-object data gets no verb, as before.
                CopyTo(Start(data), removed: 0);
                Put("""{"value":"""u8);
                Value(data, fallbackVerb: null);
                CopyTo(Start(data) + JsonMarshal.GetRawUtf8Value(data).Length, removed: 0);
                Put(","u8);
                Put(_member);
                Put("}"u8);
                break;
        }
    }

    /// <summary><c>"verb":…</c> and the stamp's member, comma-separated, whichever are asked for.</summary>
    private void PutAdditions(JsonElement? verb, bool stamp)
    {
        if (verb is { } value)
        {
            Put("\"verb\":"u8);
            Put(JsonMarshal.GetRawUtf8Value(value));
            if (stamp)
            {
                Put(","u8);
            }
        }

        if (stamp)
        {
            Put(_member);
        }
    }

    private void Replace(JsonElement value, ReadOnlySpan<byte> text)
    {
        CopyTo(Start(value), JsonMarshal.GetRawUtf8Value(value).Length);
        Put(text);
    }

    /// <summary>Copies the card's bytes up to <paramref name="at"/>, then skips <paramref name="removed"/> of them.</summary>
    private void CopyTo(int at, int removed)
    {
        if (at < _copied)
        {
            throw new InvalidOperationException("The card's stamp edits are out of order.");
        }

        _output.Write(JsonMarshal.GetRawUtf8Value(_card)[_copied..at]);
        _copied = at + removed;
        _edited = true;
    }

    private void Put(ReadOnlySpan<byte> bytes) => _output.Write(bytes);

    // Before an object's closing brace.
    private int End(JsonElement obj) => Start(obj) + JsonMarshal.GetRawUtf8Value(obj).Length - 1;

    // Where an element's bytes start within the card's: a parsed document keeps its JSON in one buffer.
    private int Start(JsonElement element)
    {
        var card = JsonMarshal.GetRawUtf8Value(_card);
        var bytes = JsonMarshal.GetRawUtf8Value(element);
        var offset = Unsafe.ByteOffset(ref MemoryMarshal.GetReference(card), ref MemoryMarshal.GetReference(bytes));
        return offset >= 0 && offset + bytes.Length <= card.Length
            ? (int)offset
            : throw new InvalidOperationException("The element is not part of the card being stamped.");
    }
}
