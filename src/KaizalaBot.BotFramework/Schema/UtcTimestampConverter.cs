using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace KaizalaBot.BotFramework.Schema;

/// <summary>
/// Writes an activity's <c>timestamp</c> as UTC with a <c>Z</c> suffix (the activity spec's form), where
/// System.Text.Json's default would write <c>+00:00</c>; reading accepts any ISO-8601 offset.
/// </summary>
internal sealed class UtcTimestampConverter : JsonConverter<DateTimeOffset>
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'";

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetDateTimeOffset();

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture));
    }
}
