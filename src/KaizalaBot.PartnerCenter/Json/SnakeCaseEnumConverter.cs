using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace KaizalaBot.PartnerCenter.Json;

internal sealed class SnakeCaseEnumConverter<TEnum> : JsonConverter<TEnum>
    where TEnum : struct, Enum
{
    private readonly Dictionary<string, TEnum> _byNormalisedName = Enum.GetValues<TEnum>()
        .ToDictionary(value => Normalise(WireName(value)), value => value, StringComparer.Ordinal);

    private readonly Dictionary<TEnum, string> _wireNames = Enum.GetValues<TEnum>()
        .Distinct()
        .ToDictionary(value => value, WireName);

    public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var number))
        {
            return (TEnum)Enum.ToObject(typeof(TEnum), number);
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected a string or a number for {typeof(TEnum).Name}.");
        }

        var text = reader.GetString() ?? string.Empty;
        if (_byNormalisedName.TryGetValue(Normalise(text), out var value))
        {
            return value;
        }

        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out number))
        {
            return (TEnum)Enum.ToObject(typeof(TEnum), number);
        }

        // A value the service added after this client was written must not make a whole page unreadable
        // when the enum has an explicit "unknown" member (as SDK enums such as BillingCycleType do).
        if (_byNormalisedName.TryGetValue("unknown", out var unknown))
        {
            return unknown;
        }

        throw new JsonException($"'{text}' is not a known {typeof(TEnum).Name} value.");
    }

    public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options)
    {
        if (_wireNames.TryGetValue(value, out var name))
        {
            writer.WriteStringValue(name);
        }
        else
        {
            writer.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture));
        }
    }

    // A member may name its wire form explicitly where the C# name cannot be the SDK's (e.g. "equals").
    private static string WireName(TEnum value)
    {
        var name = value.ToString();
        var explicitName = typeof(TEnum).GetField(name)?
            .GetCustomAttributes(typeof(JsonStringEnumMemberNameAttribute), inherit: false)
            .OfType<JsonStringEnumMemberNameAttribute>()
            .FirstOrDefault();
        return explicitName?.Name ?? ToSnakeCase(name);
    }

    internal static string ToSnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0 && !char.IsUpper(name[i - 1]))
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }

    private static string Normalise(string name) =>
        name.Replace("_", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
}
