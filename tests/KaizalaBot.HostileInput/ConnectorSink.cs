using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;
using KaizalaBot.Testing.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace KaizalaBot.HostileInput;

/// <summary>
/// The one connector the bot may reach during a run: loopback Kestrel answering like Teams (201 with an id), recording
/// every request's raw target so the run can check which conversations were answered and that no path was bent.
/// </summary>
internal sealed partial class ConnectorSink : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _targets = new();
    private readonly ConcurrentDictionary<string, byte> _conversations = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _stamps = new(StringComparer.Ordinal);
    private LoopbackWebServer? _server;
    private int _nextId;

    /// <summary>The serviceUrl valid turns carry, e.g. <c>http://127.0.0.1:50123/teams/</c>.</summary>
    public Uri ServiceUrl => new(_server!.BaseAddress, "teams/");

    public IPEndPoint EndPoint => new(IPAddress.Loopback, _server!.BaseAddress.Port);

    public IReadOnlyCollection<string> RawTargets => [.. _targets];

    /// <summary>Raised for each conversation id (unescaped) the bot posted to; used to wait for replies without polling.</summary>
    public event Action<string>? ConversationAnswered;

    public bool HasAnswered(string conversationId) => _conversations.ContainsKey(conversationId);

    /// <summary>
    /// The prompt stamp of the last card the bot sent (or updated) in a conversation: what a seller forging a click on
    /// their own live card would put in its data, so forged answers reach the dialog's steps instead of stopping as stale.
    /// </summary>
    public string? StampOf(string conversationId) => _stamps.GetValueOrDefault(conversationId);

    /// <summary>Keeps the stamp of a card in <paramref name="body"/>: one posted here, or an invoke's answer.</summary>
    public void RememberStamp(string conversationId, string body)
    {
        if (Stamp().Match(body) is { Success: true } stamp)
        {
            _stamps[conversationId] = stamp.Groups[1].Value;
        }
    }

    public static async Task<ConnectorSink> StartAsync()
    {
        var sink = new ConnectorSink();
        sink._server = await LoopbackWebServer.StartAsync(app => app.Run(sink.RecordAsync));
        return sink;
    }

    public ValueTask DisposeAsync() => _server?.DisposeAsync() ?? ValueTask.CompletedTask;

    private async Task RecordAsync(HttpContext http)
    {
        using var reader = new StreamReader(http.Request.Body);
        var body = await reader.ReadToEndAsync(http.RequestAborted);
        var target = http.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        _targets.Enqueue($"{http.Request.Method} {target}");

        // /teams/v3/conversations/{escaped id}/activities[/{escaped id}]
        var segments = target.Split('/');
        if (segments.Length >= 5 && segments[2] == "v3" && segments[3] == "conversations")
        {
            var conversation = Uri.UnescapeDataString(segments[4]);
            RememberStamp(conversation, body);
            if (_conversations.TryAdd(conversation, 0))
            {
                ConversationAnswered?.Invoke(conversation);
            }
        }

        http.Response.StatusCode = http.Request.Method == HttpMethods.Post ? StatusCodes.Status201Created : StatusCodes.Status200OK;
        await http.Response.WriteAsJsonAsync(new { id = $"sink-{Interlocked.Increment(ref _nextId)}" }, http.RequestAborted);
    }

    [GeneratedRegex("\"kbPrompt\":\"([^\"]+)\"")]
    private static partial Regex Stamp();
}
