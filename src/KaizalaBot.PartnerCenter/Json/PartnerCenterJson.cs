using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace KaizalaBot.PartnerCenter.Json;

internal static class PartnerCenterJson
{
    // Responses are camelCase, but the SDK posts PascalCase bodies and documentation examples mix both
    // (reference §1.4), so reading is case-insensitive. Absent optional fields are not written so that a
    // PATCH carries only what changes ("absent = unchanged").
    public static JsonSerializerOptions Options { get; } = Create(encoder: null);

    // The search filter travels URL-encoded in the query string, so HTML-safe escaping (& as \u0026) would only
    // make it differ from the SDK's output; the URL encoding is what keeps it safe.
    public static JsonSerializerOptions QueryOptions { get; } = Create(JavaScriptEncoder.UnsafeRelaxedJsonEscaping);

    private static JsonSerializerOptions Create(JavaScriptEncoder? encoder)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            NumberHandling = JsonNumberHandling.AllowReadingFromString,
            Encoder = encoder,
        };
        options.Converters.Add(new SnakeCaseEnumConverterFactory());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
