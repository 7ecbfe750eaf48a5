using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace KaizalaBot.BotFramework.Schema;

/// <summary>
/// Writes a JSON element as the bytes it was parsed from, instead of token by token (each string unescaped, checked and
/// escaped again): a card is 10-25 KB of JSON written into the prompt's stored options and into every reply, and that
/// walk was a visible share of a migration turn. The element came from a parsed document, so its text is valid JSON.
/// Reading is the options' own element converter, unchanged (the inbound rules, duplicate keys included, still apply).
/// </summary>
internal sealed class RawJsonElementConverter : JsonConverter<JsonElement>
{
    public override JsonElement Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        ((JsonConverter<JsonElement>)options.GetConverter(typeof(JsonElement))).Read(ref reader, typeToConvert, options);

    public override void Write(Utf8JsonWriter writer, JsonElement value, JsonSerializerOptions options) =>
        writer.WriteRawValue(JsonMarshal.GetRawUtf8Value(value), skipInputValidation: true);
}
