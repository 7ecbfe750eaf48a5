using System.Text;
using System.Text.Json;

namespace KaizalaBot.Cards.Templating;

/// <summary>
/// <c>name.member[index]…</c> from <c>$root</c>, <c>$data</c>, <c>$index</c> or a member of the current data. An unknown
/// member or index is an error naming the path as far as it went.
/// </summary>
internal sealed class PathExpression(string start, IReadOnlyList<PathSegment> segments, string text, string location)
    : TemplateExpression(text, location)
{
    // Members are looked up by their UTF-8 names, encoded here once rather than on every render.
    private readonly byte[] _start = Encoding.UTF8.GetBytes(start);
    private readonly byte[]?[] _members = [.. segments.Select(s => s.Member is { } name ? Encoding.UTF8.GetBytes(name) : null)];

    public override JsonElement Evaluate(TemplateScope scope)
    {
        var current = start switch
        {
            "$root" => scope.Root,
            "$data" => scope.Data,
            "$index" => scope.Index is { } i ? TemplateValues.Number(i) : throw Error("$index outside a repeated element"),
            _ => scope.Data.ValueKind == JsonValueKind.Object && scope.Data.TryGetProperty(_start, out var first)
                ? first
                : throw Error($"No property {PathTo(-1)} in the card data"),
        };

        for (var i = 0; i < segments.Count; i++)
        {
            var index = segments[i].Index;
            current = _members[i] is { } name
                ? current.ValueKind == JsonValueKind.Object && current.TryGetProperty(name, out var value)
                    ? value
                    : throw Error($"No property {PathTo(i)} in the card data")
                : current.ValueKind == JsonValueKind.Array && index >= 0 && index < current.GetArrayLength()
                    ? current[index]
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
