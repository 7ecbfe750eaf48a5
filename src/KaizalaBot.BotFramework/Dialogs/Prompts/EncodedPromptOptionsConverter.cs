using System.Text.Json;
using System.Text.Json.Serialization;

namespace KaizalaBot.BotFramework.Dialogs.Prompts;

/// <summary>
/// Writes <see cref="EncodedPromptOptions"/> as the bytes they already are: base64url holds no character JSON escapes,
/// so the writer need not scan (and transcode) the 15-30 KB string at every save as it does for a string value.
/// </summary>
internal sealed class EncodedPromptOptionsConverter : JsonConverter<EncodedPromptOptions>
{
    // Never read as this type: state is read back as JSON elements, which StoredPromptOptions.Read decodes.
    public override EncodedPromptOptions Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("Stored prompt options are read by StoredPromptOptions.Read.");

    public override void Write(Utf8JsonWriter writer, EncodedPromptOptions value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);

        writer.WriteRawValue(value.QuotedBase64Url, skipInputValidation: true);
    }
}
