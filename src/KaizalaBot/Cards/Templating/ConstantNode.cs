using System.Text.Json;

namespace KaizalaBot.Cards.Templating;

/// <summary>A number, boolean, null or text without <c>${…}</c>: the same on every render.</summary>
internal sealed class ConstantNode(JsonElement value) : TemplateValueNode
{
    public override JsonElement Evaluate(TemplateScope scope) => value;
}
