using System.Text.Json;
using System.Text.Json.Serialization;
using KaizalaBot.PartnerCenter.Json;

namespace KaizalaBot.PartnerCenter.Models;

public sealed record ApiFault
{
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? Code { get; init; }

    public string? Description { get; init; }

    // Usually an array of strings, but the SDK types it as objects; kept raw so no shape is rejected.
    public JsonElement? Data { get; init; }

    public string? Source { get; init; }
}
