using System.Text.Json;

namespace KaizalaBot.Cards.Templating;

/// <summary>What <c>${…}</c> sees: the current <c>$data</c>, the <c>$root</c> and, inside a repeat, <c>$index</c>.</summary>
internal readonly record struct TemplateScope(JsonElement Data, JsonElement Root, int? Index);
