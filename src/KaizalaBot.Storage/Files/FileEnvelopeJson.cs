using System.Buffers;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace KaizalaBot.Storage.Files;

/// <summary>
/// The <see cref="FileEnvelope"/> JSON, written and checked without the serializer's round trip through the content.
/// </summary>
/// <remarks>
/// A state document is 10-40 KB, nearly all of it one prompt's encoded card. Serialising the envelope re-escaped
/// every string of the content, and the ETag check before each write deserialised the whole current file (a parse
/// and a copy of the content) only to compare one property: together a visible share of a migration turn on File.
/// </remarks>
internal static class FileEnvelopeJson
{
    // Room for the envelope's names, quotes and ETag around the content and the escaped key.
    private const int EnvelopeOverhead = 128;

    /// <summary>
    /// The envelope as <see cref="JsonSerializer"/> writes it (same names and order, the content last), the content
    /// copied as its JSON text: an element's raw text is JSON already, and is still checked by the writer.
    /// </summary>
    public static ReadOnlyMemory<byte> Write(string key, string eTag, JsonElement content)
    {
        var raw = JsonMarshal.GetRawUtf8Value(content);
        var buffer = new ArrayBufferWriter<byte>(raw.Length + (key.Length * 6) + EnvelopeOverhead);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString(FileEnvelope.KeyName, key);
            writer.WriteString(FileEnvelope.ETagName, eTag);
            writer.WritePropertyName(FileEnvelope.ContentName);
            writer.WriteRawValue(raw);
            writer.WriteEndObject();
        }

        return buffer.WrittenMemory;
    }

    /// <summary>The whole envelope (the content copied into its own document, which outlives <paramref name="json"/>).</summary>
    public static FileEnvelope Read(ReadOnlySpan<byte> json, string path) =>
        JsonSerializer.Deserialize<FileEnvelope>(json) ?? throw new InvalidDataException($"Storage file '{path}' holds JSON null.");

    /// <summary>
    /// Only the ETag, for a conditional write or delete: the properties before it are skipped, and the content, written
    /// after it, is not even read.
    /// </summary>
    public static string ReadETag(ReadOnlySpan<byte> json, string path)
    {
        var reader = new Utf8JsonReader(json);
        if (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isETag = reader.ValueTextEquals(FileEnvelope.ETagName);
                reader.Read();
                if (isETag && reader.TokenType == JsonTokenType.String)
                {
                    return reader.GetString()!;
                }

                reader.Skip();
            }
        }

        throw new InvalidDataException($"Storage file '{path}' holds no envelope with an ETag.");
    }
}
