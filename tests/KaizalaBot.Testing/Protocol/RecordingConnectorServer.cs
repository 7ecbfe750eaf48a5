using System.Net;
using System.Net.Sockets;
using KaizalaBot.Testing.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace KaizalaBot.Testing.Protocol;

/// <summary>
/// A fake Bot Connector on loopback Kestrel: records every request and answers from a script (then, by default,
/// <c>200 {"id":"activity-N"}</c>). Every answer carries an <c>X-Correlating-OperationId</c> like the real service.
/// </summary>
public sealed class RecordingConnectorServer : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly Queue<ScriptedResponse> _script = new();
    private TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private LoopbackWebServer? _server;

    /// <summary>A serviceUrl pointing at this server, with a Teams-like regional path and trailing slash.</summary>
    public string ServiceUrl => new Uri(_server!.BaseAddress, "emea/").ToString();

    public int Port => _server!.BaseAddress.Port;

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>Waits (event-driven, bounded in real time) until at least <paramref name="count"/> requests arrived.</summary>
    public async Task WaitForRequestsAsync(int count, TimeSpan? limit = null)
    {
        while (true)
        {
            Task arrived;
            lock (_gate)
            {
                if (_requests.Count >= count)
                {
                    return;
                }

                arrived = _arrived.Task;
            }

            await arrived.WithinAsync($"{count} request(s) at the recording connector", limit);
        }
    }

    public static async Task<RecordingConnectorServer> StartAsync()
    {
        var connector = new RecordingConnectorServer();
        connector._server = await LoopbackWebServer.StartAsync(app => app.Run(connector.HandleAsync));
        return connector;
    }

    public void Enqueue(params ScriptedResponse[] responses)
    {
        lock (_gate)
        {
            foreach (var response in responses)
            {
                _script.Enqueue(response);
            }
        }
    }

    /// <summary>A handler that sends every host name to this server, to prove which hosts are (not) contacted.</summary>
    public SocketsHttpHandler CreateHandlerResolvingEveryHostToServer() => new()
    {
        ConnectCallback = async (context, cancellationToken) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, Port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException)
            {
                socket.Dispose();
                throw;
            }
        },
    };

    public ValueTask DisposeAsync() => _server?.DisposeAsync() ?? ValueTask.CompletedTask;

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        ScriptedResponse response;
        int number;
        lock (_gate)
        {
            _requests.Add(new RecordedRequest(
                context.Request.Method,
                context.Request.Host.Host,
                context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget,
                context.Request.Headers.Authorization.FirstOrDefault(),
                context.Request.ContentType,
                body));
            number = _requests.Count;
            _arrived.TrySetResult();
            _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
            response = _script.Count > 0 ? _script.Dequeue() : new ScriptedResponse(200, $$"""{"id":"activity-{{number}}"}""");
        }

        context.Response.StatusCode = response.Status;
        context.Response.Headers["X-Correlating-OperationId"] = $"op-{number}";
        foreach (var (name, value) in response.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }

        if (response.Body is not null)
        {
            context.Response.ContentType = "application/json; charset=utf-8";
            await context.Response.WriteAsync(response.Body, context.RequestAborted);
        }
    }
}
