using System.Text.Json;

namespace KaizalaBot.Cards.Templating;

/// <summary><c>count(x)</c> (items of an array, else characters of its text) and <c>if(condition, a, b)</c>; checked at load.</summary>
internal sealed class FunctionExpression(string name, IReadOnlyList<TemplateExpression> arguments, string text, string location)
    : TemplateExpression(text, location)
{
    public static bool IsKnown(string name, int arity) => (name, arity) is ("count", 1) or ("if", 3);

    public override JsonElement Evaluate(TemplateScope scope)
    {
        // Every argument is evaluated, as the paths of both branches of an if must exist in the model.
        var first = arguments[0].Evaluate(scope);
        if (name == "count")
        {
            return TemplateValues.Number(
                first.ValueKind == JsonValueKind.Array ? first.GetArrayLength() : TemplateValues.IsNone(first) ? 0 : ToText(first).Length);
        }

        var whenTrue = arguments[1].Evaluate(scope);
        var whenFalse = arguments[2].Evaluate(scope);
        return IsTruthy(first) ? whenTrue : whenFalse;
    }
}
