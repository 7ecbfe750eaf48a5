using System.Text.Json;

namespace KaizalaBot.Cards.Templating;

/// <summary><c>!operand</c>.</summary>
internal sealed class NotExpression(TemplateExpression operand, string text, string location) : TemplateExpression(text, location)
{
    public override JsonElement Evaluate(TemplateScope scope) => TemplateValues.Bool(!IsTruthy(operand.Evaluate(scope)));
}
