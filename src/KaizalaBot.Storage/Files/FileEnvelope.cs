using System.Text.Json;
using System.Text.Json.Serialization;

namespace KaizalaBot.Storage.Files;

/// <summary>What one key's file holds: the original key (listing decodes the file name, or reads this for a digest name), ETag, content.</summary>
internal sealed record FileEnvelope
{
    public const string KeyName = "key";
    public const string ETagName = "eTag";
    public const string ContentName = "content";

    [JsonPropertyName(KeyName)]
    public required string Key { get; init; }

    [JsonPropertyName(ETagName)]
    public required string ETag { get; init; }

    [JsonPropertyName(ContentName)]
    public required JsonElement Content { get; init; }
}
