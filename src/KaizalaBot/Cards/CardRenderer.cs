using System.Buffers;
using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using KaizalaBot.BotFramework.Schema;
using KaizalaBot.Cards.Templating;
using KaizalaBot.Localization;

namespace KaizalaBot.Cards;

/// <summary>
/// Turns a typed card model into an Adaptive Card attachment: the model is serialised with camelCase names, the
/// seller's text table is added as <c>t</c>, and the embedded template (compiled once) writes the card against it.
/// </summary>
/// <remarks>
/// <c>t</c> holds only the texts the template names (<c>t.someKey</c>, found once when the template is loaded), not the
/// whole table: building every text of the language as JSON nodes on every card was a large share of a turn's
/// allocations (docs/performance.md). A template that uses <c>t</c> otherwise than by key gets the whole table.
/// The data is one JSON document in a pooled buffer, read in place while the card is written and given back after:
/// the model's JSON with <c>t</c>'s (encoded once per language and template) in place of its closing brace. The JSON
/// node tree it replaces cost an object or value per property the template reached, on every render.
/// </remarks>
public sealed partial class CardRenderer
{
    // A migration card is 10-20 KB: the first buffer rented holds most cards without growing; its model far less.
    private const int InitialCardBytes = 16 * 1024;
    private const int InitialDataBytes = 4 * 1024;

    private readonly FrozenDictionary<CardTemplate, CompiledCardTemplate> _templates;
    private readonly FrozenDictionary<CardTemplate, string[]?> _textKeys;
    private readonly JsonSerializerOptions _modelJson = new(JsonSerializerDefaults.Web);

    // Per text table (one a language), per template: ,"t":{…}} as UTF-8, written on first use.
    private readonly ConditionalWeakTable<TextTable, ConcurrentDictionary<CardTemplate, byte[]>> _textTails = new();

    public CardRenderer()
    {
        var sources = Enum.GetValues<CardTemplate>().ToFrozenDictionary(template => template, LoadTemplate);
        _templates = sources.ToFrozenDictionary(pair => pair.Key, pair => CompiledCardTemplate.Compile(pair.Value));
        _textKeys = sources.ToFrozenDictionary(pair => pair.Key, pair => TextKeysOf(pair.Value));
    }

    public Attachment Render<TModel>(CardTemplate template, TextTable texts, TModel model)
        where TModel : notnull
    {
        ArgumentNullException.ThrowIfNull(texts);

        using var buffer = new PooledBufferWriter(InitialDataBytes);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            JsonSerializer.Serialize(writer, model, _modelJson);
        }

        if (buffer.WrittenSpan is not [(byte)'{', .., (byte)'}'])
        {
            throw new ArgumentException("A card model must serialise to a JSON object.", nameof(model));
        }

        // {"a":1} becomes {"a":1,"t":{…}}, and {} becomes {"t":{…}}.
        var tail = TextTail(template, texts);
        buffer.Unwrite(1);
        buffer.Write(buffer.WrittenSpan.Length > 1 ? tail : tail.AsSpan(1));
        using var data = JsonDocument.Parse(buffer.WrittenMemory);

        return new Attachment
        {
            ContentType = ContentTypes.AdaptiveCard,
            Content = JsonElements.Write(
                (Template: _templates[template], Data: data.RootElement),
                static (writer, state) => state.Template.Write(writer, state.Data),
                InitialCardBytes),
        };
    }

    private byte[] TextTail(CardTemplate template, TextTable texts)
    {
        var tails = _textTails.GetValue(texts, _ => new ConcurrentDictionary<CardTemplate, byte[]>());
        return tails.GetOrAdd(template, static (template, state) => WriteTextTail(state.texts.ToJson(state.keys[template])), (texts, keys: _textKeys));
    }

    private static byte[] WriteTextTail(JsonObject t)
    {
        using var buffer = new PooledBufferWriter(1024);
        buffer.Write(""","t":"""u8);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            t.WriteTo(writer);
        }

        buffer.Write("}"u8);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The keys a template's expressions name as <c>t.key</c>; null when one uses <c>t</c> some other way.</summary>
    private static string[]? TextKeysOf(JsonNode template)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match expression in Expression().Matches(template.ToJsonString()))
        {
            foreach (Match use in TextTableUse().Matches(expression.Groups[1].Value))
            {
                if (!use.Groups[1].Success)
                {
                    return null;
                }

                keys.Add(use.Groups[1].Value);
            }
        }

        return [.. keys];
    }

    [GeneratedRegex(@"\$\{([^}]*)\}")]
    private static partial Regex Expression();

    // The name t in an expression: t.key (group 1), or t on its own ($root.t, t[0] ...), not part of another name.
    [GeneratedRegex(@"(?<![\w$])t\b(?:\.([A-Za-z_][A-Za-z0-9_]*))?")]
    private static partial Regex TextTableUse();

    private static JsonNode LoadTemplate(CardTemplate template)
    {
        var name = $"KaizalaBot.Cards.Templates.{template}.json";
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded card template {name} is missing.");
        return JsonNode.Parse(stream) ?? throw new InvalidOperationException($"Card template {name} is empty.");
    }
}
