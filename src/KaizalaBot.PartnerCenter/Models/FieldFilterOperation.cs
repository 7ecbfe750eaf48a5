using System.Text.Json.Serialization;

namespace KaizalaBot.PartnerCenter.Models;

public enum FieldFilterOperation
{
    // "Equals" would clash with object.Equals; the wire name is kept.
    [JsonStringEnumMemberName("equals")]
    EqualsTo,
    NotEquals,
    GreaterThan,
    GreaterThanOrEquals,
    LessThan,
    LessThanOrEquals,
    Substring,
    And,
    Or,
    StartsWith,
    NotStartsWith,
}
