using System.Text.Json;

namespace KaizalaBot.Cards.Templating;

/// <summary>A property of a template object, its name encoded for the writer once at load.</summary>
internal sealed record TemplateProperty(string Name, JsonEncodedText EncodedName, TemplateNode Value);
