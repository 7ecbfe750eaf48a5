using System.Text;
using System.Text.Json.Nodes;

namespace KaizalaBot.Cards.Templating;

/// <summary>
/// <c>name.member[index]…</c> from <c>$root</c>, <c>$data</c>, <c>$index</c> or a member of the current data. An unknown
/// member or index is an error naming the path as far as it went.
/// </summary>
internal sealed class PathExpression(string start, IReadOnlyList<PathSegment> segments, string text, string location)
    : TemplateExpression(text, location)
{
    public override JsonNode? Evaluate(TemplateScope scope)
    {
        var current = start switch
        {
            "$root" => scope.Root,
            "$data" => scope.Data,
            "$index" => scope.Index is { } i ? JsonValue.Create(i) : throw Error("$index outside a repeated element"),
            _ => scope.Data is JsonObject data && data.TryGetPropertyValue(start, out var first)
                ? first
                : throw Error($"No property {PathTo(-1)} in the card data"),
        };

        for (var i = 0; i < segments.Count; i++)
        {
            var segment = segments[i];
            current = segment.Member is { } name
                ? current is JsonObject obj && obj.TryGetPropertyValue(name, out var value)
                    ? value
                    : throw Error($"No property {PathTo(i)} in the card data")
                : current is JsonArray array && segment.Index >= 0 && segment.Index < array.Count
                    ? array[segment.Index]
                    : throw Error($"No element {PathTo(i)} in the card data");
        }

        return current;
    }

    private string PathTo(int last)
    {
        var path = new StringBuilder(start);
        for (var i = 0; i <= last; i++)
        {
            _ = segments[i].Member is { } name ? path.Append('.').Append(name) : path.Append('[').Append(segments[i].Index).Append(']');
        }

        return path.ToString();
    }
}
