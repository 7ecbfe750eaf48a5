using System.Text.Json;
using System.Text.Json.Serialization;

namespace KaizalaBot.BotFramework.Schema;

/// <summary>The wire's JSON rules: camelCase names, nulls omitted, case-insensitive reading.</summary>
public static class BotJson
{
    /// <summary>Shared, read-only once first used (System.Text.Json freezes options on first use).</summary>
    public static JsonSerializerOptions Options { get; } = Create(allowDuplicateProperties: true);

    /// <summary>
    /// For bodies from outside: a repeated key (at any depth, card data included) is an error rather than "last one
    /// wins", because two readers of one payload could otherwise disagree on what it says.
    /// </summary>
    internal static JsonSerializerOptions Inbound { get; } = Create(allowDuplicateProperties: false);

    private static JsonSerializerOptions Create(bool allowDuplicateProperties)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            AllowDuplicateProperties = allowDuplicateProperties,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
