using System.Text.Json;
using System.Text.Json.Nodes;

namespace KaizalaBot.Cards.Templating;

/// <summary>
/// Evaluates the expression language inside <c>${…}</c>: property paths (<c>a.b[0].c</c>, <c>$root</c>,
/// <c>$index</c>, <c>$data</c>), string/number/boolean/null literals, <c>!</c>, <c>&amp;&amp;</c>, <c>||</c>,
/// comparisons, parentheses, and the functions <c>count(x)</c> and <c>if(c, a, b)</c>.
/// </summary>
internal static class TemplateExpression
{
    public static JsonNode? Evaluate(string expression, TemplateScope scope, string location)
    {
        var parser = new TemplateExpressionParser(expression, scope, location);
        return parser.ParseWhole();
    }

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
}
