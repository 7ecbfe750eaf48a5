using System.Text.Json.Serialization;
using KaizalaBot.PartnerCenter.Json;

namespace KaizalaBot.PartnerCenter.Models;

public sealed record OrderError
{
    public string? OrderGroupId { get; init; }

    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? Code { get; init; }

    public string? Description { get; init; }
}
