using System.Text.Json;
using System.Text.Json.Serialization;

namespace KaizalaBot.BotFramework.Schema;

/// <summary>A card or file; an Adaptive Card has <see cref="ContentTypes.AdaptiveCard"/> and the card JSON as content.</summary>
public sealed record Attachment
{
    public string? ContentType { get; init; }

    public string? ContentUrl { get; init; }

    [JsonConverter(typeof(RawJsonElementConverter))]
    public JsonElement? Content { get; init; }

    public string? Name { get; init; }

    public string? ThumbnailUrl { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Properties { get; init; }
}
