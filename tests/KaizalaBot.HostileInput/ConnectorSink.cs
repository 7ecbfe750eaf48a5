using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KaizalaBot.HostileInput;

/// <summary>
/// The one connector the bot may reach during a run: loopback Kestrel answering like Teams (201 with an id), recording
/// every request's raw target so the run can check which conversations were answered and that no path was bent.
/// </summary>
internal sealed class ConnectorSink : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _targets = new();
    private readonly ConcurrentDictionary<string, byte> _conversations = new(StringComparer.Ordinal);
    private readonly WebApplication _app;
    private int _nextId;

    private ConnectorSink(WebApplication app) => _app = app;

    /// <summary>The serviceUrl valid turns carry, e.g. <c>http://127.0.0.1:50123/teams/</c>.</summary>
    public Uri ServiceUrl { get; private set; } = null!;

    public IPEndPoint EndPoint { get; private set; } = null!;

    public IReadOnlyCollection<string> RawTargets => [.. _targets];

    /// <summary>Raised for each conversation id (unescaped) the bot posted to; used to wait for replies without polling.</summary>
    public event Action<string>? ConversationAnswered;

    public bool HasAnswered(string conversationId) => _conversations.ContainsKey(conversationId);

    public static async Task<ConnectorSink> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var sink = new ConnectorSink(app);
        app.Run(sink.RecordAsync);
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single());
        sink.EndPoint = new IPEndPoint(IPAddress.Loopback, address.Port);
        sink.ServiceUrl = new Uri(address, "teams/");
        return sink;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

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
