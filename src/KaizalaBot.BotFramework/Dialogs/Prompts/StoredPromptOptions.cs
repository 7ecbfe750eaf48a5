using System.Buffers.Text;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Nodes;
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
    /// <summary>
    /// The string as UTF-8 JSON (a node over a parsed element), not a .NET string: a string node is twice the size, and
    /// writing it makes the JSON writer reserve three bytes per character for transcoding, which grew the state's buffer.
    /// </summary>
    public static JsonNode Write(PromptOptions options)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(options, BotJson.Options);
        var quoted = new byte[Base64Url.GetEncodedLength(json.Length) + 2];
        quoted[0] = quoted[^1] = (byte)'"';
        Base64Url.EncodeToUtf8(json, quoted.AsSpan(1, quoted.Length - 2));
        var reader = new Utf8JsonReader(quoted);
        return JsonValue.Create(JsonElement.ParseValue(ref reader))!;
    }

    public static PromptOptions Read(JsonNode? stored) => stored switch
    {
        null => new PromptOptions(),
        JsonValue value when value.TryGetValue<JsonElement>(out var element) && element.ValueKind == JsonValueKind.String =>
            Deserialize(Base64Url.DecodeFromUtf8(Unquote(JsonMarshal.GetRawUtf8Value(element)))),

        // Saved by a build that kept the options as a JSON object.
        _ => stored.Deserialize<PromptOptions>(BotJson.Options) ?? new PromptOptions(),
    };

    // Base64url has no character JSON escapes, so the raw value between the quotes is the text itself.
    private static ReadOnlySpan<byte> Unquote(ReadOnlySpan<byte> raw) => raw[1..^1];

    private static PromptOptions Deserialize(byte[] json) =>
        JsonSerializer.Deserialize<PromptOptions>(json, BotJson.Options) ?? new PromptOptions();
}
