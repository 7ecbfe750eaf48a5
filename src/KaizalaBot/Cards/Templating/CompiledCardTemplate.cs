using System.Text.Json;
using System.Text.Json.Nodes;

namespace KaizalaBot.Cards.Templating;

/// <summary>
/// An Adaptive Card template compiled once, written against a JSON data object on every render: the subset of the
/// Adaptive Cards Templating language our cards use (the .NET package is not obtainable here). Expressions are parsed
/// and strings split when the template is loaded; a render writes the card's JSON straight to a writer, from the
/// template's own nodes and the data's, without copying either. Values are written as JSON values, never spliced into
/// text, so a value containing quotes, braces or markup can never change the card's structure.
/// </summary>
/// <remarks>
/// Supported: <c>${path}</c> (a string that is exactly one expression keeps the bound value's JSON type; otherwise
/// the values are interpolated into the text), <c>$data</c> (rebinds the scope; an array repeats the element),
/// <c>$when</c> (drops the element when false), <c>$root</c>, <c>$index</c>, and the expressions of
/// <see cref="TemplateExpression"/>. Every <c>Action.Execute</c> gets its <see cref="ExecuteFallback"/>. An unknown path
/// is an error rather than an empty string: a template and its model must agree, and the card tests find out when they
/// drift apart. A malformed expression is an error when the template is loaded, wherever it is.
/// </remarks>
internal sealed class CompiledCardTemplate
{
    private const string DataKeyword = "$data";
    private const string WhenKeyword = "$when";
    private const string FallbackKey = "fallback";

    private readonly ObjectTemplateNode _root;

    private CompiledCardTemplate(ObjectTemplateNode root) => _root = root;

    public static CompiledCardTemplate Compile(JsonNode template)
    {
        ArgumentNullException.ThrowIfNull(template);

        return template is JsonObject root
            ? new CompiledCardTemplate(CompileObject(root, "$", addFallbacks: true))
            : throw new CardTemplateException("The template root must be an object.", "$");
    }

    /// <summary>Writes the card for <paramref name="data"/>, which must stay readable (its document undisposed) until this returns.</summary>
    public void Write(Utf8JsonWriter writer, JsonElement data)
    {
        ArgumentNullException.ThrowIfNull(writer);

        var scopes = new List<TemplateScope>(1);
        _root.Expand(new TemplateScope(data, data, Index: null), scopes);
        if (scopes.Count != 1)
        {
            throw new CardTemplateException("The template root must expand to exactly one element.", "$");
        }

        _root.Write(writer, scopes[0]);
    }

    // Locations are built here, once per template node, so an error can name its place without a render building any.
    private static TemplateNode Compile(JsonNode? node, string location, bool addFallbacks) => node switch
    {
        JsonObject obj => CompileObject(obj, location, addFallbacks),
        JsonArray array => new ArrayTemplateNode([.. array.Select((item, i) => Compile(item, $"{location}[{i}]", addFallbacks))]),
        JsonValue value when value.TryGetValue<string>(out var text) => CompileString(text, location),
        _ => new ConstantNode(ToElement(node)),
    };

    private static ObjectTemplateNode CompileObject(JsonObject obj, string location, bool addFallbacks)
    {
        var properties = new List<TemplateProperty>(obj.Count);
        foreach (var (name, value) in obj)
        {
            if (name is DataKeyword or WhenKeyword)
            {
                continue;
            }

            // An explicit fallback is the template's own choice: nothing inside it gets another.
            var compiled = Compile(value, $"{location}.{name}", addFallbacks && name != FallbackKey);
            properties.Add(new TemplateProperty(name, JsonEncodedText.Encode(name), compiled));
        }

        var fallback = addFallbacks && !obj.ContainsKey(FallbackKey) && properties.FirstOrDefault(p => p.Name == "type")?.Value is TemplateValueNode type
            ? new ExecuteFallback(type, properties)
            : null;
        return new ObjectTemplateNode(properties, CompileData(obj, location), CompileWhen(obj, location), fallback);
    }

    private static TemplateValueNode? CompileData(JsonObject obj, string location)
    {
        if (!obj.TryGetPropertyValue(DataKeyword, out var data))
        {
            return null;
        }

        var at = $"{location}.{DataKeyword}";
        return data is JsonValue value && value.TryGetValue<string>(out var text)
            ? CompileString(text, at)
            : data?.ToJsonString().Contains("${", StringComparison.Ordinal) == true
                ? throw new CardTemplateException("$data must be a ${…} expression or a constant.", at)
                : new ConstantNode(ToElement(data));
    }

    private static TemplateValueNode? CompileWhen(JsonObject obj, string location)
    {
        if (!obj.TryGetPropertyValue(WhenKeyword, out var when))
        {
            return null;
        }

        var at = $"{location}.{WhenKeyword}";
        return when switch
        {
            JsonValue v when v.TryGetValue<bool>(out var flag) => new ConstantNode(TemplateValues.Bool(flag)),
            JsonValue v when v.TryGetValue<string>(out var text) && TemplateString.IsSingleExpression(text, out var expression)
                => new ExpressionNode(TemplateExpression.Parse(expression, at)),
            _ => throw new CardTemplateException("$when must be a boolean or a single ${…} expression.", at),
        };
    }

    private static TemplateValueNode CompileString(string text, string location)
    {
        if (TemplateString.IsSingleExpression(text, out var single))
        {
            return new ExpressionNode(TemplateExpression.Parse(single, location));
        }

        if (!text.Contains("${", StringComparison.Ordinal))
        {
            return new ConstantNode(TemplateValues.Text(text));
        }

        var parts = TemplateString.Split(text, location).ToList();
        var expressions = parts.Select(p => p.IsExpression ? TemplateExpression.Parse(p.Text, location) : null).ToList();
        return new InterpolatedNode(parts, expressions, parts.Where(p => !p.IsExpression).Sum(p => p.Text.Length));
    }

    // A template's constant as an element of its own, built once at load; JSON null and none alike are default.
    private static JsonElement ToElement(JsonNode? node) => node is null ? default : JsonElement.Parse(node.ToJsonString());
}
