using System.Text.Json;

namespace KaizalaBot.Cards.Templating;

/// <summary>A string, number, boolean or null literal, built once at load.</summary>
internal sealed class LiteralExpression(JsonElement value, string text, string location) : TemplateExpression(text, location)
{
    public override JsonElement Evaluate(TemplateScope scope) => value;
}
