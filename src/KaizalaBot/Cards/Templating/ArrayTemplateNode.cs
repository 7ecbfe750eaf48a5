using System.Text.Json;

namespace KaizalaBot.Cards.Templating;

/// <summary>An array: each item written in turn, a repeated item once per element of its <c>$data</c>, a dropped one not at all.</summary>
internal sealed class ArrayTemplateNode(IReadOnlyList<TemplateNode> items) : TemplateNode
{
    public override void Write(Utf8JsonWriter writer, TemplateScope scope)
    {
        writer.WriteStartArray();
        List<TemplateScope>? scopes = null;
        foreach (var item in items)
        {
            if (!item.IsConditional)
            {
                item.Write(writer, scope);
                continue;
            }

            scopes ??= new List<TemplateScope>(4);
            scopes.Clear();
            item.Expand(scope, scopes);
            foreach (var each in scopes)
            {
                item.Write(writer, each);
            }
        }

        writer.WriteEndArray();
    }
}
