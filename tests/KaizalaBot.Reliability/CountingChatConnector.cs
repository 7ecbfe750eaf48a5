using System.Collections.Concurrent;
using System.Globalization;
using KaizalaBot.Testing.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace KaizalaBot.Reliability;

/// <summary>
/// The Bot Connector of a soak run, on loopback: answers every call as Teams does when all is well, counts them, and keeps
/// only the ids of the activities replied to (<c>POST …/activities/{replyToId}</c>), so that each seller's turns can be
/// matched with a delivered reply (a half-hour run sends tens of thousands of cards; recording them would grow the
/// harness, not the bot).
/// </summary>
internal sealed class CountingChatConnector : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, byte> _repliedTo = new(StringComparer.Ordinal);
    private LoopbackWebServer? _server;
    private int _calls;

    /// <summary>A Teams-like regional serviceUrl at this connector.</summary>
    public string ServiceUrl => new Uri(_server!.BaseAddress, "emea/").ToString();

    public int Calls => Volatile.Read(ref _calls);

    public static async Task<CountingChatConnector> StartAsync()
    {
        var connector = new CountingChatConnector();
        connector._server = await LoopbackWebServer.StartAsync(app => app.Run(connector.HandleAsync));
        return connector;
    }

    /// <summary>Whether the bot replied to the activity <paramref name="activityId"/> (and the connector took it).</summary>
    public bool RepliedTo(string activityId) => _repliedTo.ContainsKey(activityId);

    public ValueTask DisposeAsync() => _server?.DisposeAsync() ?? ValueTask.CompletedTask;

    private async Task HandleAsync(HttpContext context)
    {
        await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
        var number = Interlocked.Increment(ref _calls);

        // …/v3/conversations/{conversation}/activities/{replyToId}: a reply (a new message is posted to …/activities).
        var segments = (context.Request.Path.Value ?? "").Split('/');
        if (HttpMethods.IsPost(context.Request.Method) && segments is [.., "activities", { Length: > 0 } replyTo])
        {
            _repliedTo.TryAdd(Uri.UnescapeDataString(replyTo), 0);
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(string.Create(CultureInfo.InvariantCulture, $$"""{"id":"activity-{{number}}"}"""), context.RequestAborted);
    }
}
