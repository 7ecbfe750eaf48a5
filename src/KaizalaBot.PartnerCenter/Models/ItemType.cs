using System.Text.Json;
using System.Text.Json.Serialization;

namespace KaizalaBot.PartnerCenter.Models;

public sealed record ItemType
{
    public string? Id { get; init; }

    public string? DisplayName { get; init; }

    public ItemType? SubType { get; init; }

    // Unknown fields are kept so that a resource PATCHed back whole loses nothing.
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; init; }
}
