using System.Text;
using System.Text.Json;

namespace KaizalaBot.Cards.Templating;

/// <summary>Text with <c>${…}</c> among literal runs: the values are written into the text, split once at load.</summary>
internal sealed class InterpolatedNode(IReadOnlyList<TemplateStringPart> parts, IReadOnlyList<TemplateExpression?> expressions, int literalLength)
    : TemplateValueNode
{
    public override JsonElement Evaluate(TemplateScope scope) => TemplateValues.Text(Text(scope));

    public override void Write(Utf8JsonWriter writer, TemplateScope scope) => writer.WriteStringValue(Text(scope));

    private string Text(TemplateScope scope)
    {
        var builder = new StringBuilder(literalLength + 16);
        for (var i = 0; i < parts.Count; i++)
        {
            _ = expressions[i] is { } expression
                ? builder.Append(TemplateExpression.ToText(expression.Evaluate(scope)))
                : builder.Append(parts[i].Text);
        }

        return builder.ToString();
    }
}
