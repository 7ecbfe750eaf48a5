using System.Text;
using System.Text.Json.Nodes;

namespace KaizalaBot.Cards.Templating;

/// <summary>
/// Expands an Adaptive Card template against a JSON data object: the subset of the Adaptive Cards Templating
/// language our cards use (the .NET package is not obtainable here). Works on JSON nodes, never on text, so a
/// value containing quotes, braces or markup can never change the card's structure.
/// </summary>
/// <remarks>
/// Supported: <c>${path}</c> (a string that is exactly one expression keeps the bound value's JSON type; otherwise
/// the values are interpolated into the text), <c>$data</c> (rebinds the scope; an array repeats the element),
/// <c>$when</c> (drops the element when false), <c>$root</c>, <c>$index</c>, and the expressions of
/// <see cref="TemplateExpression"/>. An unknown path is an error rather than an empty string: a template and its
/// model must agree, and the card tests find out when they drift apart.
/// </remarks>
internal sealed class CardTemplateBinder
{
    private const string DataKeyword = "$data";
    private const string WhenKeyword = "$when";

    public JsonNode Bind(JsonNode template, JsonNode data)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(data);

        var scope = new TemplateScope(data, data, Index: null);
        var results = Expand(template, scope, "$");
        return results.Count == 1
            ? results[0] ?? throw new CardTemplateException("The template expanded to null.", "$")
            : throw new CardTemplateException("The template root must expand to exactly one element.", "$");
    }

    private List<JsonNode?> Expand(JsonNode? node, TemplateScope scope, string location)
    {
        switch (node)
        {
            case JsonObject obj:
                return ExpandObject(obj, scope, location);
            case JsonArray array:
                var items = new JsonArray();
                for (var i = 0; i < array.Count; i++)
                {
                    foreach (var expanded in Expand(array[i], scope, $"{location}[{i}]"))
                    {
                        items.Add(expanded);
                    }
                }

                return [items];
            case JsonValue value when value.TryGetValue<string>(out var text):
                return [BindString(text, scope, location)];
            default:
                return [node?.DeepClone()];
        }
    }

    private List<JsonNode?> ExpandObject(JsonObject obj, TemplateScope scope, string location)
    {
        if (!obj.TryGetPropertyValue(DataKeyword, out var dataNode))
        {
            return ExpandInScope(obj, scope, location) is { } single ? [single] : [];
        }

        var bound = dataNode is JsonValue v && v.TryGetValue<string>(out var dataText)
            ? BindString(dataText, scope, $"{location}.{DataKeyword}")
            : Expand(dataNode, scope, $"{location}.{DataKeyword}").Single();

        if (bound is JsonArray repeated)
        {
            var copies = new List<JsonNode?>(repeated.Count);
            for (var i = 0; i < repeated.Count; i++)
            {
                var itemScope = new TemplateScope(repeated[i], scope.Root, i);
                if (ExpandInScope(obj, itemScope, $"{location}[{i}]") is { } copy)
                {
                    copies.Add(copy);
                }
            }

            return copies;
        }

        return ExpandInScope(obj, new TemplateScope(bound, scope.Root, scope.Index), location) is { } result ? [result] : [];
    }

    private JsonObject? ExpandInScope(JsonObject obj, TemplateScope scope, string location)
    {
        if (obj.TryGetPropertyValue(WhenKeyword, out var when) && !IsTrue(when, scope, $"{location}.{WhenKeyword}"))
        {
            return null;
        }

        var result = new JsonObject();
        foreach (var (name, value) in obj)
        {
            if (name is DataKeyword or WhenKeyword)
            {
                continue;
            }

            var expanded = Expand(value, scope, $"{location}.{name}");
            result[name] = expanded.Count == 1 ? expanded[0] : new JsonArray([.. expanded]);
        }

        return result;
    }

    private static bool IsTrue(JsonNode? when, TemplateScope scope, string location) => when switch
    {
        JsonValue v when v.TryGetValue<bool>(out var flag) => flag,
        JsonValue v when v.TryGetValue<string>(out var text) && TemplateString.IsSingleExpression(text, out var expression)
            => TemplateExpression.IsTruthy(TemplateExpression.Evaluate(expression, scope, location)),
        _ => throw new CardTemplateException("$when must be a boolean or a single ${…} expression.", location),
    };

    private static JsonNode? BindString(string text, TemplateScope scope, string location)
    {
        if (TemplateString.IsSingleExpression(text, out var single))
        {
            return TemplateExpression.Evaluate(single, scope, location)?.DeepClone();
        }

        if (!text.Contains("${", StringComparison.Ordinal))
        {
            return JsonValue.Create(text);
        }

        var builder = new StringBuilder(text.Length);
        foreach (var part in TemplateString.Split(text, location))
        {
            builder.Append(part.IsExpression
                ? TemplateExpression.ToText(TemplateExpression.Evaluate(part.Text, scope, location))
                : part.Text);
        }

        return JsonValue.Create(builder.ToString());
    }
}
