using System.Text.Json.Nodes;

namespace KaizalaBot.Cards.Templating;

/// <summary>What <c>${…}</c> sees: the current <c>$data</c>, the <c>$root</c> and, inside a repeat, <c>$index</c>.</summary>
internal sealed record TemplateScope(JsonNode? Data, JsonNode Root, int? Index);
