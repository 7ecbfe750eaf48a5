using System.Collections.Concurrent;
using System.Net;
using KaizalaBot.Testing.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace KaizalaBot.HostileInput;

/// <summary>
/// The one connector the bot may reach during a run: loopback Kestrel answering like Teams (201 with an id), recording
/// every request's raw target so the run can check which conversations were answered and that no path was bent.
/// </summary>
internal sealed class ConnectorSink : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _targets = new();
    private readonly ConcurrentDictionary<string, byte> _conversations = new(StringComparer.Ordinal);
    private LoopbackWebServer? _server;
    private int _nextId;

    /// <summary>The serviceUrl valid turns carry, e.g. <c>http://127.0.0.1:50123/teams/</c>.</summary>
    public Uri ServiceUrl => new(_server!.BaseAddress, "teams/");

    public IPEndPoint EndPoint => new(IPAddress.Loopback, _server!.BaseAddress.Port);

    public IReadOnlyCollection<string> RawTargets => [.. _targets];

    /// <summary>Raised for each conversation id (unescaped) the bot posted to; used to wait for replies without polling.</summary>
    public event Action<string>? ConversationAnswered;

    public bool HasAnswered(string conversationId) => _conversations.ContainsKey(conversationId);

    public static async Task<ConnectorSink> StartAsync()
    {
        var sink = new ConnectorSink();
        sink._server = await LoopbackWebServer.StartAsync(app => app.Run(sink.RecordAsync));
        return sink;
    }

    public ValueTask DisposeAsync() => _server?.DisposeAsync() ?? ValueTask.CompletedTask;

    private async Task RecordAsync(HttpContext http)
    {
        await http.Request.Body.CopyToAsync(Stream.Null, http.RequestAborted);
        var target = http.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        _targets.Enqueue($"{http.Request.Method} {target}");

        // /teams/v3/conversations/{escaped id}/activities[/{escaped id}]
        var segments = target.Split('/');
        if (segments.Length >= 5 && segments[2] == "v3" && segments[3] == "conversations")
        {
            var conversation = Uri.UnescapeDataString(segments[4]);
            if (_conversations.TryAdd(conversation, 0))
            {
                ConversationAnswered?.Invoke(conversation);
            }
        }

        http.Response.StatusCode = http.Request.Method == HttpMethods.Post ? StatusCodes.Status201Created : StatusCodes.Status200OK;
        await http.Response.WriteAsJsonAsync(new { id = $"sink-{Interlocked.Increment(ref _nextId)}" }, http.RequestAborted);
    }
}
