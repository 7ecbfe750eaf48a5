using System.Text.Json.Nodes;

namespace KaizalaBot.Cards.Templating;

/// <summary><c>!operand</c>.</summary>
internal sealed class NotExpression(TemplateExpression operand, string text, string location) : TemplateExpression(text, location)
{
    public override JsonNode? Evaluate(TemplateScope scope) => JsonValue.Create(!IsTruthy(operand.Evaluate(scope)));
}
