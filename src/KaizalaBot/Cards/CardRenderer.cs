using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using KaizalaBot.BotFramework.Schema;
using KaizalaBot.Cards.Templating;
using KaizalaBot.Localization;

namespace KaizalaBot.Cards;

/// <summary>
/// Turns a typed card model into an Adaptive Card attachment: the model is serialised with camelCase names, the
/// seller's text table is added as <c>t</c>, and the embedded template (parsed once) is bound against it.
/// </summary>
public sealed class CardRenderer
{
    private readonly FrozenDictionary<CardTemplate, JsonNode> _templates;
    private readonly CardTemplateBinder _binder = new();
    private readonly JsonSerializerOptions _modelJson = new(JsonSerializerDefaults.Web);

    public CardRenderer()
    {
        _templates = Enum.GetValues<CardTemplate>().ToFrozenDictionary(template => template, LoadTemplate);
    }

    public Attachment Render<TModel>(CardTemplate template, TextTable texts, TModel model)
        where TModel : notnull
    {
        ArgumentNullException.ThrowIfNull(texts);

        var data = JsonSerializer.SerializeToNode(model, _modelJson) as JsonObject
            ?? throw new ArgumentException("A card model must serialise to a JSON object.", nameof(model));
        data["t"] = texts.ToJson();

        var card = _binder.Bind(_templates[template], data);
        ExecuteFallbacks.Add(card);
        return new Attachment
        {
            ContentType = ContentTypes.AdaptiveCard,
            Content = JsonSerializer.SerializeToElement(card),
        };
    }

    private static JsonNode LoadTemplate(CardTemplate template)
    {
        var name = $"KaizalaBot.Cards.Templates.{template}.json";
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded card template {name} is missing.");
        return JsonNode.Parse(stream) ?? throw new InvalidOperationException($"Card template {name} is empty.");
    }
}
