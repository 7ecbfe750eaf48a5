using System.Collections.Concurrent;
using System.Text.Json;
using KaizalaBot.BotFramework.Schema;
using KaizalaBot.BotFramework.Tests.Support.Protocol;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace KaizalaBot.Tests.Support;

/// <summary>
/// A Bot Connector on loopback (real Kestrel) that records what the bot sends and answers like Teams: 201 with a new
/// activity id for sends and replies, 200 for updates. Activities carry its address as their serviceUrl.
/// </summary>
internal sealed class RecordingConnector : IAsyncDisposable
{
    private readonly ConcurrentQueue<RecordedCall> _calls = new();
    private LoopbackWebServer? _server;
    private int _nextId;

    public Uri ServiceUrl => _server!.BaseAddress;

    public IReadOnlyList<RecordedCall> Calls => [.. _calls];

    public static async Task<RecordingConnector> StartAsync()
    {
        var connector = new RecordingConnector();
        connector._server = await LoopbackWebServer.StartAsync(app =>
        {
            app.MapPost("/v3/conversations/{conversationId}/activities", (HttpContext http, string conversationId) =>
                connector.RecordAsync(http, conversationId, activityId: null, StatusCodes.Status201Created));
            app.MapPost("/v3/conversations/{conversationId}/activities/{activityId}", (HttpContext http, string conversationId, string activityId) =>
                connector.RecordAsync(http, conversationId, activityId, StatusCodes.Status201Created));
            app.MapPut("/v3/conversations/{conversationId}/activities/{activityId}", (HttpContext http, string conversationId, string activityId) =>
                connector.RecordAsync(http, conversationId, activityId, StatusCodes.Status200OK));
        });
        return connector;
    }

    public IReadOnlyList<Activity> SentMessages() =>
        [.. Calls.Where(c => c.Activity.Type == ActivityTypes.Message).Select(c => c.Activity)];

    public ValueTask DisposeAsync() => _server?.DisposeAsync() ?? ValueTask.CompletedTask;

    private async Task<IResult> RecordAsync(HttpContext http, string conversationId, string? activityId, int status)
    {
        var activity = await JsonSerializer.DeserializeAsync<Activity>(http.Request.Body, BotJson.Options, http.RequestAborted)
            ?? throw new InvalidOperationException("The bot sent an empty activity.");
        _calls.Enqueue(new RecordedCall(http.Request.Method, conversationId, activityId, http.Request.Headers.Authorization.ToString(), activity));
        var id = activityId ?? $"msg-{Interlocked.Increment(ref _nextId)}";
        return Results.Json(new ResourceResponse(id), BotJson.Options, statusCode: status);
    }
}
