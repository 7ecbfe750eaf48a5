using System.Text.Json.Nodes;

namespace KaizalaBot.Cards.Templating;

/// <summary>A number, boolean, null or text without <c>${…}</c>: the same on every render.</summary>
internal sealed class ConstantNode(JsonNode? value) : TemplateValueNode
{
    public override JsonNode? Evaluate(TemplateScope scope) => value;
}
