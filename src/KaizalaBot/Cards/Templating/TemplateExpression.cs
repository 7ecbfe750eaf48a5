using System.Runtime.InteropServices;
using System.Text.Json;

namespace KaizalaBot.Cards.Templating;

/// <summary>
/// A compiled expression of the language inside <c>${…}</c>: property paths (<c>a.b[0].c</c>, <c>$root</c>,
/// <c>$index</c>, <c>$data</c>), string/number/boolean/null literals, <c>!</c>, <c>&amp;&amp;</c>, <c>||</c>,
/// comparisons, parentheses, and the functions <c>count(x)</c> and <c>if(c, a, b)</c>. Parsed once when its template
/// is loaded (<see cref="TemplateExpressionParser"/>), evaluated on every render.
/// </summary>
/// <remarks>
/// A result may be an element of the card data or of the template itself, <c>default</c> for none: nothing is copied.
/// </remarks>
internal abstract class TemplateExpression(string text, string location)
{
    public abstract JsonElement Evaluate(TemplateScope scope);

    public static TemplateExpression Parse(string text, string location) => new TemplateExpressionParser(text, location).ParseWhole();

    public static bool IsTruthy(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Undefined or JsonValueKind.Null or JsonValueKind.False => false,
        JsonValueKind.True => true,
        JsonValueKind.String => !value.ValueEquals(ReadOnlySpan<byte>.Empty),
        JsonValueKind.Number => !IsZero(JsonMarshal.GetRawUtf8Value(value)),
        JsonValueKind.Array => value.GetArrayLength() > 0,
        _ => true,
    };

    public static string ToText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Undefined or JsonValueKind.Null => string.Empty,
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => value.GetRawText(),
    };

    private static bool IsZero(ReadOnlySpan<byte> number) => number.SequenceEqual("0"u8) || number.SequenceEqual("0.0"u8) || number.SequenceEqual("-0"u8);

    /// <summary>An error naming the whole expression and where it is in the template (built only when thrown).</summary>
    protected CardTemplateException Error(string message) => new($"{message} in expression \"{text}\"", location);
}
