using System.Text.Json;
using System.Text.Json.Serialization;

namespace KaizalaBot.BotFramework.Schema;

/// <summary>A Bot Framework card action (hero cards, suggested actions).</summary>
public sealed record CardAction
{
    public required string Type { get; init; }

    public string? Title { get; init; }

    public string? Text { get; init; }

    public string? DisplayText { get; init; }

    public JsonElement? Value { get; init; }

    /// <summary><c>image</c>, <c>imageAltText</c>, <c>channelData</c> and anything newer, kept for the round trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Properties { get; init; }
}
