using System.Text.Json;
using System.Text.Json.Serialization;

namespace KaizalaBot.Storage.Files;

/// <summary>What one key's file holds: the original key (listing decodes the file name, or reads this for a digest name), ETag, content.</summary>
internal sealed record FileEnvelope
{
    [JsonPropertyName("key")]
    public required string Key { get; init; }

    [JsonPropertyName("eTag")]
    public required string ETag { get; init; }

    [JsonPropertyName("content")]
    public required JsonElement Content { get; init; }
}
