using System.Globalization;
using System.Text.Json;

namespace KaizalaBot.Cards.Templating;

/// <summary>
/// The values an expression computes rather than finds in the data (booleans, counts, <c>$index</c>, text), as elements,
/// and the rules the language reads values by. "No value" is <c>default</c> (an undefined element) or JSON null alike.
/// </summary>
internal static class TemplateValues
{
    // Small whole numbers (counts, indexes) are parsed once, not on every render.
    private const int CachedNumbers = 256;

    private static readonly JsonElement TrueValue = JsonElement.Parse("true"u8);
    private static readonly JsonElement FalseValue = JsonElement.Parse("false"u8);
    private static readonly JsonElement[] Numbers = [.. JsonElement.Parse($"[{string.Join(',', Enumerable.Range(0, CachedNumbers))}]").EnumerateArray()];

    public static JsonElement Bool(bool value) => value ? TrueValue : FalseValue;

    public static JsonElement Number(int value) => value is >= 0 and < CachedNumbers
        ? Numbers[value]
        : JsonElement.Parse(value.ToString(CultureInfo.InvariantCulture));

    public static JsonElement Text(string value) => JsonSerializer.SerializeToElement(value);

    public static bool IsNone(JsonElement value) => value.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null;
}
