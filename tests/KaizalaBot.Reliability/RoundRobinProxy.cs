using System.Globalization;
using KaizalaBot.Testing.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace KaizalaBot.Reliability;

/// <summary>
/// One endpoint in front of several bot instances, as a load balancer without session affinity: each request goes to
/// the next instance in turn, so consecutive turns of one conversation land on different instances. The answer carries
/// <see cref="InstanceHeader"/> (which instance served it, from 1), for the harness's figures only.
/// </summary>
internal sealed class RoundRobinProxy : IAsyncDisposable
{
    public const string InstanceHeader = "X-Harness-Instance";

    private readonly HttpClient[] _instances;
    private readonly int[] _served;
    private LoopbackWebServer? _server;
    private int _next = -1;

    private RoundRobinProxy(IReadOnlyList<Uri> instances)
    {
        _instances = [.. instances.Select(i => new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
        {
            BaseAddress = i,
            Timeout = TimeSpan.FromSeconds(60),
        })];
        _served = new int[instances.Count];
    }

    public Uri BaseAddress => _server!.BaseAddress;

    /// <summary>Requests each instance served, in instance order.</summary>
    public IReadOnlyList<int> Served => [.. _served];

    public static async Task<RoundRobinProxy> StartAsync(IReadOnlyList<Uri> instances)
    {
        var proxy = new RoundRobinProxy(instances);
        proxy._server = await LoopbackWebServer.StartAsync(app => app.Run(proxy.ForwardAsync));
        return proxy;
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        foreach (var instance in _instances)
        {
            instance.Dispose();
        }
    }

    private async Task ForwardAsync(HttpContext context)
    {
        var index = (int)((uint)Interlocked.Increment(ref _next) % (uint)_instances.Length);
        Interlocked.Increment(ref _served[index]);
        var body = await HttpForwarding.ReadBodyAsync(context.Request, context.RequestAborted);
        using var outbound = HttpForwarding.Outbound(context.Request, body);
        using var response = await _instances[index].SendAsync(outbound, HttpCompletionOption.ResponseContentRead, context.RequestAborted);
        var answer = await response.Content.ReadAsByteArrayAsync(context.RequestAborted);
        context.Response.Headers[InstanceHeader] = (index + 1).ToString(CultureInfo.InvariantCulture);
        await HttpForwarding.AnswerAsync(context, response, answer);
    }
}
