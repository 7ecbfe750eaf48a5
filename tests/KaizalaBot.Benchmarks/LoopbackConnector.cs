using System.Collections.Concurrent;
using System.Text.Json;
using KaizalaBot.BotFramework.Schema;
using KaizalaBot.Testing.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace KaizalaBot.Benchmarks;

/// <summary>
/// A minimal Bot Connector on loopback that accepts sends, replies and updates (201 or 200 with an id) and counts them.
/// Unlike the tests' recording connector it keeps nothing but, when asked, the last Adaptive Card posted to each
/// conversation until a walk takes it (the next click is built from it), so a long run measures the bot, not the fake.
/// </summary>
internal sealed class LoopbackConnector : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, JsonElement> _lastCards = new(StringComparer.Ordinal);
    private readonly bool _keepCards;
    private LoopbackWebServer? _server;
    private int _received;

    private LoopbackConnector(bool keepCards) => _keepCards = keepCards;

    public Uri ServiceUrl => _server!.BaseAddress;

    public int Received => Volatile.Read(ref _received);

    public static async Task<LoopbackConnector> StartAsync(bool keepCards = false)
    {
        var connector = new LoopbackConnector(keepCards);
        connector._server = await LoopbackWebServer.StartAsync(app =>
            app.MapMethods("/v3/conversations/{conversationId}/activities/{**rest}", [HttpMethods.Post, HttpMethods.Put], connector.ReceiveAsync));
        return connector;
    }

    /// <summary>The last card posted to <paramref name="conversationId"/> since the last take, if any.</summary>
    public JsonElement? TakeCard(string conversationId) =>
        _lastCards.TryRemove(conversationId, out var card) ? card : null;

    /// <summary>Drops what is kept for a conversation whose walk is over.</summary>
    public void Forget(string conversationId) => _lastCards.TryRemove(conversationId, out _);

    public void Reset() => Interlocked.Exchange(ref _received, 0);

    public ValueTask DisposeAsync() => _server?.DisposeAsync() ?? ValueTask.CompletedTask;

    private async Task<IResult> ReceiveAsync(HttpContext http, string conversationId)
    {
        if (_keepCards)
        {
            using var activity = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
            if (LastCardOf(activity.RootElement) is { } card)
            {
                _lastCards[conversationId] = card;
            }
        }
        else
        {
            await http.Request.Body.CopyToAsync(Stream.Null, http.RequestAborted);
        }

        Interlocked.Increment(ref _received);
        return Results.Json(
            new { id = Guid.NewGuid().ToString("N") },
            statusCode: http.Request.Method == HttpMethods.Post ? StatusCodes.Status201Created : StatusCodes.Status200OK);
    }

    private static JsonElement? LastCardOf(JsonElement activity)
    {
        JsonElement? card = null;
        if (activity.ValueKind == JsonValueKind.Object
            && activity.TryGetProperty("attachments", out var attachments) && attachments.ValueKind == JsonValueKind.Array)
        {
            foreach (var attachment in attachments.EnumerateArray())
            {
                if (attachment.TryGetProperty("contentType", out var type) && type.ValueEquals(ContentTypes.AdaptiveCard)
                    && attachment.TryGetProperty("content", out var content))
                {
                    card = content.Clone();
                }
            }
        }

        return card;
    }
}
