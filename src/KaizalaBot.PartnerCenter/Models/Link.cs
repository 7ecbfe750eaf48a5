using System.Text.Json;
using System.Text.Json.Serialization;

namespace KaizalaBot.PartnerCenter.Models;

public sealed record Link
{
    public required string Uri { get; init; }

    public string? Method { get; init; }

    public IReadOnlyList<LinkHeader> Headers { get; init; } = [];

    // Unknown fields are kept so that a resource PATCHed back whole loses nothing.
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; init; }
}
