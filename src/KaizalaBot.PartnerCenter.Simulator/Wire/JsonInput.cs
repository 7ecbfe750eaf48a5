using System.Text.Json;
using System.Text.Json.Nodes;
using KaizalaBot.PartnerCenter.Simulator.Behaviour;

namespace KaizalaBot.PartnerCenter.Simulator.Wire;

/// <summary>
/// Request bodies are read as case-insensitive JSON nodes: the SDK sends PascalCase, the docs show camelCase, and a
/// PATCH must tell "absent" (unchanged) from "present" (reference §1.4, §3.4).
/// </summary>
internal static class JsonInput
{
    private static readonly JsonNodeOptions NodeOptions = new() { PropertyNameCaseInsensitive = true };

    public static async Task<JsonObject> ReadObjectAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        try
        {
            var node = await JsonNode.ParseAsync(request.Body, NodeOptions, cancellationToken: cancellationToken);
            return node as JsonObject ?? throw PartnerCenterFaultException.BadInput("The request body must be a JSON object.");
        }
        catch (JsonException ex)
        {
            throw PartnerCenterFaultException.BadInput($"The request body is not valid JSON: {ex.Message}");
        }
    }

    public static JsonObject ParseObject(string json)
    {
        try
        {
            return JsonNode.Parse(json, NodeOptions) as JsonObject
                ?? throw PartnerCenterFaultException.BadInput("Expected a JSON object.");
        }
        catch (JsonException ex)
        {
            throw PartnerCenterFaultException.BadInput($"Not valid JSON: {ex.Message}");
        }
    }

    public static string? String(JsonObject obj, string name) =>
        obj[name] is JsonValue value && value.TryGetValue<string>(out var s) ? s : null;

    public static int? Int(JsonObject obj, string name)
    {
        if (obj[name] is not JsonValue value)
        {
            return null;
        }

        if (value.TryGetValue<int>(out var i))
        {
            return i;
        }

        return value.TryGetValue<double>(out var d) && d == Math.Floor(d) && d is >= int.MinValue and <= int.MaxValue
            ? (int)d
            : throw PartnerCenterFaultException.BadInput($"'{name}' must be an integer.");
    }

    public static bool? Bool(JsonObject obj, string name) =>
        obj[name] is JsonValue value && value.TryGetValue<bool>(out var b) ? b : null;

    public static bool Has(JsonObject obj, string name) => obj.ContainsKey(name) && obj[name] is not null;
}
