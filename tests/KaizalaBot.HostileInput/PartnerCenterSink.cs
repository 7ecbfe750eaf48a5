using System.Collections.Concurrent;
using KaizalaBot.Testing.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace KaizalaBot.HostileInput;

/// <summary>
/// Stands where Partner Center (and its Entra token endpoint) would be, so that no run can reach a real one, nor a
/// simulator some other process serves on the Development port: it issues a token, answers reads as a partner without
/// customers would be answered (a top-level list is empty, anything named by id is 404: every id a hostile payload names
/// is unknown), and refuses and records every write. A write means a card payload made the bot
/// try to buy, move a licence or suspend: the run fails on it.
/// </summary>
internal sealed class PartnerCenterSink : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _writes = new();
    private LoopbackWebServer? _server;
    private int _tokens;
    private int _reads;

    /// <summary>What <c>PartnerCenter:Endpoint</c> and <c>PartnerCenter:Authority</c> are set to.</summary>
    public Uri BaseAddress => _server!.BaseAddress;

    public int TokenRequests => Volatile.Read(ref _tokens);

    public int Reads => Volatile.Read(ref _reads);

    /// <summary>Each attempted write: method and path.</summary>
    public IReadOnlyCollection<string> Writes => [.. _writes];

    public static async Task<PartnerCenterSink> StartAsync()
    {
        var sink = new PartnerCenterSink();
        sink._server = await LoopbackWebServer.StartAsync(app => app.Run(sink.AnswerAsync));
        return sink;
    }

    public ValueTask DisposeAsync() => _server?.DisposeAsync() ?? ValueTask.CompletedTask;

    private async Task AnswerAsync(HttpContext http)
    {
        await http.Request.Body.CopyToAsync(Stream.Null, http.RequestAborted);
        var path = http.Request.Path.Value ?? "";
        if (HttpMethods.IsPost(http.Request.Method) && path.EndsWith("/oauth2/v2.0/token", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _tokens);
            await http.Response.WriteAsJsonAsync(new { token_type = "Bearer", expires_in = "3600", access_token = "hostile-input-harness" }, http.RequestAborted);
            return;
        }

        if (HttpMethods.IsGet(http.Request.Method))
        {
            Interlocked.Increment(ref _reads);

            // /v1/customers, /v1/roles: an empty collection; /v1/customers/{id}/...: no such resource.
            if (path.Split('/', StringSplitOptions.RemoveEmptyEntries).Length <= 2)
            {
                await http.Response.WriteAsJsonAsync(
                    new { totalCount = 0, items = Array.Empty<object>(), attributes = new { objectType = "Collection" } }, http.RequestAborted);
                return;
            }

            http.Response.StatusCode = StatusCodes.Status404NotFound;
        }
        else
        {
            _writes.Enqueue($"{http.Request.Method} {path}");
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
        }

        // Partner Center's error shape: a numeric code and a description.
        await http.Response.WriteAsJsonAsync(new { code = 600, description = "Refused by the hostile-input harness.", errorName = "NotFound" }, http.RequestAborted);
    }
}
