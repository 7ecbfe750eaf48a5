using System.Text.Json;

namespace KaizalaBot.Cards.Templating;

/// <summary>A string that is exactly one <c>${…}</c>: it takes the bound value's JSON type (number, object, array…).</summary>
internal sealed class ExpressionNode(TemplateExpression expression) : TemplateValueNode
{
    public override JsonElement Evaluate(TemplateScope scope) => expression.Evaluate(scope);
}
