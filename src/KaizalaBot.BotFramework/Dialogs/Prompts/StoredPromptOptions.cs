using System.Buffers.Text;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using KaizalaBot.BotFramework.Schema;

namespace KaizalaBot.BotFramework.Dialogs.Prompts;

/// <summary>
/// How a prompt keeps its <see cref="PromptOptions"/> in its instance state: their JSON as one base64url string.
/// </summary>
/// <remarks>
/// The options hold the prompt activity and its 10-20 KB card. Kept as a JSON tree, every turn tokenised and rewrote
/// that card at each layer the state passes through (the state read, the component's inner stack, the state write),
/// though a waiting prompt only needs it to send it again or answer a refresh. As one string each layer copies it as
/// a single token, and the card is parsed only when a prompt asks for its options. Base64url because the default JSON
/// encoder escapes the '+' of standard base64 (six bytes for one, unescaped again on every read); the options are
/// written with <see cref="BotJson.Options"/>, as before. State saved before (the options as a JSON object) is still
/// read, so a seller mid-dialog across an upgrade keeps their prompt.
/// </remarks>
internal static class StoredPromptOptions
{
    // A migration card's options are 10-25 KB of JSON: one rented buffer rather than a doubling array and a final copy.
    private const int OptionsSizeHint = 32 * 1024;

    /// <summary>
    /// The string as UTF-8 JSON, not a .NET string: a string node is twice the size, and writing it makes the JSON writer
    /// reserve three bytes per character for transcoding, which grew the state's buffer. Kept as the encoded bytes
    /// (<see cref="EncodedPromptOptions"/>), which the state's save copies as they are: parsing them into an element
    /// (a copy and a scan) only for the save to scan them again was a visible share of a migration turn.
    /// </summary>
    public static JsonNode Write(PromptOptions options)
    {
        using var json = new PooledBufferWriter(OptionsSizeHint);
        using (var writer = new Utf8JsonWriter(json, new JsonWriterOptions { Encoder = BotJson.Options.Encoder }))
        {
            JsonSerializer.Serialize(writer, options, BotJson.Options);
        }

        var quoted = new byte[Base64Url.GetEncodedLength(json.WrittenSpan.Length) + 2];
        quoted[0] = quoted[^1] = (byte)'"';
        Base64Url.EncodeToUtf8(json.WrittenSpan, quoted.AsSpan(1, quoted.Length - 2));
        return JsonValue.Create(new EncodedPromptOptions(quoted), EncodedJson)!;
    }

    public static PromptOptions Read(JsonNode? stored) => stored switch
    {
        null => new PromptOptions(),
        JsonValue value when value.TryGetValue<EncodedPromptOptions>(out var encoded) => Deserialize(Unquote(encoded.QuotedBase64Url)),
        JsonValue value when value.TryGetValue<JsonElement>(out var element) && element.ValueKind == JsonValueKind.String =>
            Deserialize(Unquote(JsonMarshal.GetRawUtf8Value(element))),

        // Saved by a build that kept the options as a JSON object.
        _ => stored.Deserialize<PromptOptions>(BotJson.Options) ?? new PromptOptions(),
    };

    // Base64url has no character JSON escapes, so the raw value between the quotes is the text itself.
    private static ReadOnlySpan<byte> Unquote(ReadOnlySpan<byte> raw) => raw[1..^1];

    private static PromptOptions Deserialize(ReadOnlySpan<byte> base64Url) =>
        JsonSerializer.Deserialize<PromptOptions>(Base64Url.DecodeFromUtf8(base64Url), BotJson.Options) ?? new PromptOptions();

    private static JsonTypeInfo<EncodedPromptOptions> EncodedJson =>
        (JsonTypeInfo<EncodedPromptOptions>)BotJson.Options.GetTypeInfo(typeof(EncodedPromptOptions));
}
