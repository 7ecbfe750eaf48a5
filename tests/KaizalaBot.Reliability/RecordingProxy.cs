using KaizalaBot.Testing.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace KaizalaBot.Reliability;

/// <summary>
/// A loopback reverse proxy in front of the standalone simulator that records every exchange. It outlives the bot
/// processes the harness kills, so it sees effects a killed process never got to record: a checkout or a suspension
/// Partner Center accepted just before the crash still counts.
/// </summary>
internal sealed class RecordingProxy : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly List<PartnerCenterExchange> _exchanges = [];
    private readonly HttpClient _upstream;
    private LoopbackWebServer? _server;

    private RecordingProxy(Uri target)
    {
        _upstream = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
        {
            BaseAddress = target,
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    public Uri BaseAddress => _server!.BaseAddress;

    public IReadOnlyList<PartnerCenterExchange> Exchanges
    {
        get
        {
            lock (_gate)
            {
                return [.. _exchanges];
            }
        }
    }

    public static async Task<RecordingProxy> StartAsync(Uri target)
    {
        var proxy = new RecordingProxy(target);
        proxy._server = await LoopbackWebServer.StartAsync(app => app.Run(proxy.ForwardAsync));
        return proxy;
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        _upstream.Dispose();
    }

    private async Task ForwardAsync(HttpContext context)
    {
        var request = context.Request;
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var requestBody = await HttpForwarding.ReadBodyAsync(request, context.RequestAborted);
        using var outbound = HttpForwarding.Outbound(request, requestBody);

        // The caller may hang up (a killed bot): the call still completes upstream, and is recorded, as Partner Center would.
        using var response = await _upstream.SendAsync(outbound, HttpCompletionOption.ResponseContentRead, CancellationToken.None);
        var responseBody = await response.Content.ReadAsByteArrayAsync(CancellationToken.None);
        Record(new PartnerCenterExchange(request.Method, request.Path.Value!, System.Text.Encoding.UTF8.GetString(requestBody), (int)response.StatusCode, System.Diagnostics.Stopwatch.GetElapsedTime(started)));
        await HttpForwarding.AnswerAsync(context, response, responseBody);
    }

    private void Record(PartnerCenterExchange exchange)
    {
        lock (_gate)
        {
            _exchanges.Add(exchange);
        }
    }
}
