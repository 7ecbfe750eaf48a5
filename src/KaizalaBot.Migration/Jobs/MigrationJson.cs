using System.Text.Json;
using System.Text.Json.Serialization;

namespace KaizalaBot.Migration.Jobs;

/// <summary>How the engine's documents are written to storage: camelCase, enums as names (readable, reorder-safe).</summary>
internal static class MigrationJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
