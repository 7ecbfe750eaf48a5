using System.Text.Json;
using System.Text.Json.Nodes;

namespace KaizalaBot.Cards.Templating;

/// <summary>
/// A compiled expression of the language inside <c>${…}</c>: property paths (<c>a.b[0].c</c>, <c>$root</c>,
/// <c>$index</c>, <c>$data</c>), string/number/boolean/null literals, <c>!</c>, <c>&amp;&amp;</c>, <c>||</c>,
/// comparisons, parentheses, and the functions <c>count(x)</c> and <c>if(c, a, b)</c>. Parsed once when its template
/// is loaded (<see cref="TemplateExpressionParser"/>), evaluated on every render.
/// </summary>
/// <remarks>
/// A result may be a node of the card data or of the template itself: callers write it or read it, never attach it to
/// another tree, which is what lets a render skip the deep copies.
/// </remarks>
internal abstract class TemplateExpression(string text, string location)
{
    public abstract JsonNode? Evaluate(TemplateScope scope);

    public static TemplateExpression Parse(string text, string location) => new TemplateExpressionParser(text, location).ParseWhole();

    public static bool IsTruthy(JsonNode? value) => value switch
    {
        null => false,
        JsonValue v when v.GetValueKind() == JsonValueKind.False => false,
        JsonValue v when v.GetValueKind() == JsonValueKind.True => true,
        JsonValue v when v.TryGetValue<string>(out var s) => s.Length > 0,
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.ToJsonString() is not ("0" or "0.0" or "-0"),
        JsonArray a => a.Count > 0,
        _ => true,
    };

    public static string ToText(JsonNode? value) => value switch
    {
        null => string.Empty,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.ToJsonString(),
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>() ? "true" : "false",
        _ => value.ToJsonString(),
    };

    /// <summary>An error naming the whole expression and where it is in the template (built only when thrown).</summary>
    protected CardTemplateException Error(string message) => new($"{message} in expression \"{text}\"", location);
}
