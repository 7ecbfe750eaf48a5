using System.Text.Json.Serialization;

namespace KaizalaBot.PartnerCenter.Models;

// Serialised PascalCase exactly as the documented filter: {"Field":"CompanyName","Value":"cont","Operator":"starts_with"}.
public sealed record SimpleFieldFilter
{
    [JsonPropertyName("Field")]
    public required string Field { get; init; }

    [JsonPropertyName("Value")]
    public required string Value { get; init; }

    [JsonPropertyName("Operator")]
    public required FieldFilterOperation Operator { get; init; }
}
