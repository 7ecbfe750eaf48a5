using System.Text.Json;
using System.Text.Json.Serialization;

namespace KaizalaBot.PartnerCenter.Models;

public sealed record ResourceAttributes
{
    public string? ObjectType { get; init; }

    public string? Etag { get; init; }

    // Unknown fields are kept so that a resource PATCHed back whole loses nothing.
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; init; }
}
