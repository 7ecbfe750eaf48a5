using System.Text.Json;

namespace KaizalaBot.Cards.Templating;

/// <summary>
/// An object: <c>$data</c> rebinds its scope (an array repeats it once per element, with <c>$index</c>), <c>$when</c>
/// drops it when false, its other properties are written in template order, then its Execute fallback if it has one.
/// </summary>
internal sealed class ObjectTemplateNode(
    IReadOnlyList<TemplateProperty> properties, TemplateValueNode? data, TemplateValueNode? when, ExecuteFallback? fallback)
    : TemplateNode
{
    public IReadOnlyList<TemplateProperty> Properties => properties;

    public override bool IsConditional => data is not null || when is not null;

    public override void Expand(TemplateScope scope, List<TemplateScope> into)
    {
        if (data is null)
        {
            AddWhenTrue(scope, into);
            return;
        }

        var bound = data.Evaluate(scope);
        if (bound.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var item in bound.EnumerateArray())
            {
                AddWhenTrue(new TemplateScope(item, scope.Root, i++), into);
            }

            return;
        }

        AddWhenTrue(new TemplateScope(bound, scope.Root, scope.Index), into);
    }

    public override void Write(Utf8JsonWriter writer, TemplateScope scope)
    {
        writer.WriteStartObject();
        foreach (var property in properties)
        {
            writer.WritePropertyName(property.EncodedName);
            property.Value.WriteAsValue(writer, scope);
        }

        fallback?.WriteIfExecute(writer, scope);
        writer.WriteEndObject();
    }

    private void AddWhenTrue(TemplateScope scope, List<TemplateScope> into)
    {
        if (when is null || TemplateExpression.IsTruthy(when.Evaluate(scope)))
        {
            into.Add(scope);
        }
    }
}
