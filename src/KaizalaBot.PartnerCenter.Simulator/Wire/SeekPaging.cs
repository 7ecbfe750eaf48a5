using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using KaizalaBot.PartnerCenter.Simulator.Behaviour;

namespace KaizalaBot.PartnerCenter.Simulator.Wire;

/// <summary>
/// Seek-based collections (customers, users): the next page is fetched from <c>links.next.uri</c> with the
/// <c>MS-ContinuationToken</c> header that <c>links.next.headers</c> carries (reference §1.5). The token is opaque to
/// clients; here it encodes the offset.
/// </summary>
internal static class SeekPaging
{
    public const int MaximumPageSize = 1000;

    public static JsonObject Page<T>(
        IReadOnlyList<T> all, HttpRequest request, int defaultPageSize, string basePath, Func<T, JsonNode> map)
    {
        var size = PageSize(request, defaultPageSize);
        var offset = Offset(request, size);
        var items = all.Skip(offset).Take(size).Select(map).ToList();
        var filter = request.Query["filter"].ToString();
        var query = string.Create(CultureInfo.InvariantCulture, $"?size={size}")
            + (filter.Length > 0 ? "&filter=" + Uri.EscapeDataString(filter) : "");

        var page = WireJson.Collection(items, basePath + query);
        var links = (JsonObject)page["links"]!;
        if (offset + size < all.Count)
        {
            var token = Token(offset + size);
            page["continuationToken"] = token;
            links["next"] = WireJson.Link(basePath + query + "&seekOperation=Next", "GET",
                [new JsonObject { ["key"] = "MS-ContinuationToken", ["value"] = token }]);
        }

        if (offset > 0)
        {
            links["previous"] = WireJson.Link(basePath + query + "&seekOperation=Previous", "GET",
                [new JsonObject { ["key"] = "MS-ContinuationToken", ["value"] = Token(Math.Max(0, offset - size)) }]);
        }

        return page;
    }

    private static int PageSize(HttpRequest request, int defaultPageSize)
    {
        var raw = request.Query["size"].ToString();
        if (raw.Length == 0)
        {
            return defaultPageSize;
        }

        if (!int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var size))
        {
            throw PartnerCenterFaultException.BadInput("'size' must be a non-negative integer.");
        }

        // The SDK sends size=0 for "server default" (reference §2.1).
        return size == 0 ? defaultPageSize : Math.Min(size, MaximumPageSize);
    }

    private static int Offset(HttpRequest request, int size)
    {
        var seek = request.Query["seekOperation"].ToString();
        if (seek.Length == 0 || seek.Equals("First", StringComparison.OrdinalIgnoreCase))
        {
            return 0;
        }

        if (!seek.Equals("Next", StringComparison.OrdinalIgnoreCase) && !seek.Equals("Previous", StringComparison.OrdinalIgnoreCase))
        {
            throw PartnerCenterFaultException.BadInput($"seekOperation '{seek}' is not supported; use Next, Previous or First.");
        }

        var token = request.Headers["MS-ContinuationToken"].ToString();
        if (token.Length == 0)
        {
            throw PartnerCenterFaultException.BadInput("seekOperation requires the MS-ContinuationToken header from links.next.headers.");
        }

        return ReadToken(token) ?? throw PartnerCenterFaultException.BadInput("The MS-ContinuationToken is not valid.");
    }

    private static string Token(int offset) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"pcsim:{offset}")));

    private static int? ReadToken(string token)
    {
        var buffer = new byte[token.Length];
        if (!Convert.TryFromBase64String(token, buffer, out var written))
        {
            return null;
        }

        var text = Encoding.UTF8.GetString(buffer, 0, written);
        return text.StartsWith("pcsim:", StringComparison.Ordinal)
            && int.TryParse(text.AsSpan(6), NumberStyles.None, CultureInfo.InvariantCulture, out var offset)
            ? offset
            : null;
    }
}
