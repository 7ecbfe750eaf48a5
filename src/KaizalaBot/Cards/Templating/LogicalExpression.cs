using System.Text.Json;

namespace KaizalaBot.Cards.Templating;

/// <summary>
/// <c>left &amp;&amp; right</c> or <c>left || right</c>. Both sides are always evaluated, so a path the model lacks is an
/// error whatever the other side says: a template and its model must agree.
/// </summary>
internal sealed class LogicalExpression(bool isAnd, TemplateExpression left, TemplateExpression right, string text, string location)
    : TemplateExpression(text, location)
{
    public override JsonElement Evaluate(TemplateScope scope)
    {
        var l = IsTruthy(left.Evaluate(scope));
        var r = IsTruthy(right.Evaluate(scope));
        return TemplateValues.Bool(isAnd ? l && r : l || r);
    }
}
