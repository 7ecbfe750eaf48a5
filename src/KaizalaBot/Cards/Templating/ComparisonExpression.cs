using System.Text.Json;

namespace KaizalaBot.Cards.Templating;

/// <summary><c>==</c>, <c>!=</c> (numbers by value, anything else by JSON equality), <c>&gt;</c>, <c>&lt;</c>, <c>&gt;=</c>, <c>&lt;=</c> (as numbers).</summary>
internal sealed class ComparisonExpression(string op, TemplateExpression left, TemplateExpression right, string text, string location)
    : TemplateExpression(text, location)
{
    public override JsonElement Evaluate(TemplateScope scope) => TemplateValues.Bool(Compare(left.Evaluate(scope), right.Evaluate(scope)));

    private bool Compare(JsonElement l, JsonElement r)
    {
        if (op is "==" or "!=")
        {
            var equal = IsNumber(l) && IsNumber(r) ? ToNumber(l) == ToNumber(r) : AreEqual(l, r);
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

    // No value and JSON null are the same null, as they were for the node tree this replaced.
    private static bool AreEqual(JsonElement l, JsonElement r) =>
        TemplateValues.IsNone(l) || TemplateValues.IsNone(r)
            ? TemplateValues.IsNone(l) && TemplateValues.IsNone(r)
            : JsonElement.DeepEquals(l, r);

    private static bool IsNumber(JsonElement value) => value.ValueKind == JsonValueKind.Number;

    private static double ToNumber(JsonElement value) => IsNumber(value) ? value.GetDouble() : 0;
}
