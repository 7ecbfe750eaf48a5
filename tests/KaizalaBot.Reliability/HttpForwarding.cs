using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http;

namespace KaizalaBot.Reliability;

/// <summary>
/// What the harness's reverse proxies share: the inbound request copied onto an outbound one, and the upstream answer
/// copied back, hop-by-hop and framing headers left to each leg.
/// </summary>
internal static class HttpForwarding
{
    private static readonly HashSet<string> NotForwarded = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "Connection", "Transfer-Encoding", "Content-Length", "Keep-Alive", "Expect",
    };

    /// <summary>The inbound request's body, read whole (the proxies record or replay it).</summary>
    public static async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, cancellationToken);
        return body.ToArray();
    }

    /// <summary>The same method, path, query, headers and body, relative to the upstream client's base address.</summary>
    public static HttpRequestMessage Outbound(HttpRequest request, byte[] body)
    {
        var outbound = new HttpRequestMessage(new HttpMethod(request.Method), request.Path.Value!.TrimStart('/') + request.QueryString);
        if (body.Length > 0 || request.ContentType is not null)
        {
            outbound.Content = new ByteArrayContent(body);
        }

        foreach (var (name, values) in request.Headers)
        {
            if (NotForwarded.Contains(name))
            {
                continue;
            }

            if (!outbound.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values))
            {
                outbound.Content?.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
            }
        }

        return outbound;
    }

    /// <summary>Writes the upstream answer; a caller that hung up meanwhile (a killed bot) is not an error.</summary>
    public static async Task AnswerAsync(HttpContext context, HttpResponseMessage response, byte[] body)
    {
        try
        {
            context.Response.StatusCode = (int)response.StatusCode;
            Copy(response.Headers, context.Response.Headers);
            Copy(response.Content.Headers, context.Response.Headers);
            await context.Response.Body.WriteAsync(body, context.RequestAborted);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException)
        {
            // The caller left while the answer was on its way: nothing more to do.
        }
    }

    private static void Copy(HttpHeaders from, IHeaderDictionary to)
    {
        foreach (var (name, values) in from)
        {
            if (!NotForwarded.Contains(name))
            {
                to[name] = values.ToArray();
            }
        }
    }
}
