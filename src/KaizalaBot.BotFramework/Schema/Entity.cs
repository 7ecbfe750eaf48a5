using System.Text.Json;
using System.Text.Json.Serialization;

namespace KaizalaBot.BotFramework.Schema;

/// <summary>Metadata on an activity (<c>mention</c>, <c>clientInfo</c>, …): a type plus arbitrary properties.</summary>
public sealed record Entity
{
    public string? Type { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Properties { get; init; }
}
