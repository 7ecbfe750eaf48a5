using System.Text.Json;
using System.Text.Json.Serialization;

namespace KaizalaBot.PartnerCenter.Json;

// The SDK's EnumJsonConverter writes enum members as lower snake case ("one_time") and reads either that
// string form or the integer value (reference §1.4). Matching on read ignores case and underscores because
// the documentation examples mix "Suspended", "suspended" and "SUSPENDED".
internal sealed class SnakeCaseEnumConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(SnakeCaseEnumConverter<>).MakeGenericType(typeToConvert))!;
}
