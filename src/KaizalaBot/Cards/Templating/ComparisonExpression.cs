using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KaizalaBot.Cards.Templating;

/// <summary><c>==</c>, <c>!=</c> (numbers by value, anything else by JSON equality), <c>&gt;</c>, <c>&lt;</c>, <c>&gt;=</c>, <c>&lt;=</c> (as numbers).</summary>
internal sealed class ComparisonExpression(string op, TemplateExpression left, TemplateExpression right, string text, string location)
    : TemplateExpression(text, location)
{
    public override JsonNode? Evaluate(TemplateScope scope) => JsonValue.Create(Compare(left.Evaluate(scope), right.Evaluate(scope)));

    private bool Compare(JsonNode? l, JsonNode? r)
    {
        if (op is "==" or "!=")
        {
            var equal = IsNumber(l) && IsNumber(r) ? ToNumber(l) == ToNumber(r) : JsonNode.DeepEquals(l, r);
            return op == "==" ? equal : !equal;
        }

        var a = ToNumber(l);
        var b = ToNumber(r);
        return op switch
        {
            ">" => a > b,
            "<" => a < b,
            ">=" => a >= b,
            _ => a <= b,
        };
    }

    private static bool IsNumber(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.Number;

    // Values built from CLR numbers only convert to their own type, so numbers are compared through their JSON text.
    private static double ToNumber(JsonNode? node) =>
        IsNumber(node) ? double.Parse(node!.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture) : 0;
}
