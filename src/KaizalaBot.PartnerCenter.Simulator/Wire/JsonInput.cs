using System.Text.Json;
using System.Text.Json.Nodes;
using KaizalaBot.PartnerCenter.Simulator.Behaviour;

namespace KaizalaBot.PartnerCenter.Simulator.Wire;

/// <summary>
/// Request bodies are read as case-insensitive JSON nodes: the SDK sends PascalCase, the docs show camelCase, and a
/// PATCH must tell "absent" from "present" (reference §1.4, §3.4). A field present with the wrong JSON type is a 400
/// (800002), never silently ignored: a client that sends <c>"autoRenewEnabled": "true"</c> must learn of it.
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

    public static string? String(JsonObject obj, string name) => obj[name] switch
    {
        null => null,
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        _ => throw WrongType(name, "a string"),
    };

    public static int? Int(JsonObject obj, string name)
    {
        if (obj[name] is null)
        {
            return null;
        }

        if (obj[name] is not JsonValue value || value.GetValueKind() != JsonValueKind.Number)
        {
            throw WrongType(name, "an integer");
        }

        if (value.TryGetValue<int>(out var i))
        {
            return i;
        }

        return value.TryGetValue<double>(out var d) && d == Math.Floor(d) && d is >= int.MinValue and <= int.MaxValue
            ? (int)d
            : throw PartnerCenterFaultException.BadInput($"'{name}' must be an integer.");
    }

    public static bool? Bool(JsonObject obj, string name) => obj[name] switch
    {
        null => null,
        JsonValue value when value.GetValueKind() is JsonValueKind.True or JsonValueKind.False => value.GetValue<bool>(),
        _ => throw WrongType(name, "true or false"),
    };

    public static JsonObject? Object(JsonObject obj, string name) => obj[name] switch
    {
        null => null,
        JsonObject value => value,
        _ => throw WrongType(name, "an object"),
    };

    public static JsonArray? Array(JsonObject obj, string name) => obj[name] switch
    {
        null => null,
        JsonArray value => value,
        _ => throw WrongType(name, "an array"),
    };

    /// <summary>An array of strings (null or absent = empty); any other element is a 400.</summary>
    public static IReadOnlyList<string> Strings(JsonObject obj, string name) =>
        [.. (Array(obj, name) ?? []).Select(item => item is JsonValue value && value.GetValueKind() == JsonValueKind.String
            ? value.GetValue<string>()
            : throw WrongType(name, "an array of strings"))];

    public static bool Has(JsonObject obj, string name) => obj.ContainsKey(name) && obj[name] is not null;

    private static PartnerCenterFaultException WrongType(string name, string expected) =>
        PartnerCenterFaultException.BadInput($"'{name}' must be {expected}.");
}
