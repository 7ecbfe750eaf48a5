using System.Globalization;
using System.Text.Json.Nodes;

namespace KaizalaBot.PartnerCenter.Simulator.Wire;

/// <summary>
/// Building blocks of Partner Center's JSON, written from shared/reference/partner-center-api.md and deliberately
/// not shared with the client's model types (a misspelt name must not pass on both sides).
/// </summary>
internal static class WireJson
{
    public static string Date(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    public static JsonObject Link(string uri, string method = "GET", JsonArray? headers = null) => new()
    {
        ["uri"] = uri,
        ["method"] = method,
        ["headers"] = headers ?? [],
    };

    public static JsonObject Attributes(string objectType, string? etag = null)
    {
        var attributes = new JsonObject();
        if (etag is not null)
        {
            attributes["etag"] = etag;
        }

        attributes["objectType"] = objectType;
        return attributes;
    }

    /// <summary>ResourceCollection: <c>totalCount</c> is the number of items in this page (reference §1.5).</summary>
    public static JsonObject Collection(IEnumerable<JsonNode> items, string selfUri, string objectType = "Collection")
    {
        var array = new JsonArray([.. items]);
        return new JsonObject
        {
            ["totalCount"] = array.Count,
            ["items"] = array,
            ["links"] = new JsonObject { ["self"] = Link(selfUri) },
            ["attributes"] = Attributes(objectType),
        };
    }

    /// <summary>ApiFault body (reference §1.6); code is sent as a number, as in every documented example.</summary>
    public static JsonObject Fault(int code, string description, string? data = null)
    {
        var fault = new JsonObject { ["code"] = code, ["description"] = description };
        if (data is not null)
        {
            fault["data"] = new JsonArray(data);
        }

        fault["source"] = "PartnerFD";
        return fault;
    }

    public static SimResponse FaultResponse(int statusCode, int code, string description, string? data = null) =>
        new(statusCode, Fault(code, description, data));
}
