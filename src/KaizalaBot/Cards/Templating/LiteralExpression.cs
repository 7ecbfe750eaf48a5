using System.Text.Json.Nodes;

namespace KaizalaBot.Cards.Templating;

/// <summary>A string, number, boolean or null literal, built once at load.</summary>
internal sealed class LiteralExpression(JsonNode? value, string text, string location) : TemplateExpression(text, location)
{
    public override JsonNode? Evaluate(TemplateScope scope) => value;
}
