using KaizalaBot.Testing.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace KaizalaBot.Benchmarks;

/// <summary>
/// A minimal Bot Connector on loopback that accepts replies (201 with an id) and only counts them: unlike the tests'
/// recording connector it keeps nothing, so a long run measures the bot rather than the fake.
/// </summary>
internal sealed class LoopbackConnector : IAsyncDisposable
{
    private LoopbackWebServer? _server;
    private int _received;

    public Uri ServiceUrl => _server!.BaseAddress;

    public int Received => Volatile.Read(ref _received);

    public static async Task<LoopbackConnector> StartAsync()
    {
        var connector = new LoopbackConnector();
        connector._server = await LoopbackWebServer.StartAsync(app =>
            app.MapPost("/v3/conversations/{conversationId}/activities/{**rest}", async (HttpContext http) =>
            {
                await http.Request.Body.CopyToAsync(Stream.Null, http.RequestAborted);
                Interlocked.Increment(ref connector._received);
                return Results.Json(new { id = Guid.NewGuid().ToString("N") }, statusCode: StatusCodes.Status201Created);
            }));
        return connector;
    }

    public void Reset() => Interlocked.Exchange(ref _received, 0);

    public ValueTask DisposeAsync() => _server?.DisposeAsync() ?? ValueTask.CompletedTask;
}
