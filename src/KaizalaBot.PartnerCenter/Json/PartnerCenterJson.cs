using System.Text.Json;
using System.Text.Json.Serialization;

namespace KaizalaBot.PartnerCenter.Json;

internal static class PartnerCenterJson
{
    // Responses are camelCase, but the SDK posts PascalCase bodies and documentation examples mix both
    // (reference §1.4), so reading is case-insensitive. Absent optional fields are not written so that a
    // PATCH carries only what changes ("absent = unchanged").
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            NumberHandling = JsonNumberHandling.AllowReadingFromString,
        };
        options.Converters.Add(new SnakeCaseEnumConverterFactory());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
