using System.Text.Json;
using KaizalaBot.BotFramework.Builder;
using KaizalaBot.BotFramework.Schema;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KaizalaBot.BotFramework.Integration;

/// <summary>
/// <c>POST /api/messages</c>: 413 over the body limit, 400 for a body that is not an activity with a
/// <c>type</c>, 401 when authentication fails (no detail), then the turn: an invoke is answered with its invoke
/// response (status and JSON body; 501 when the bot set none), everything else with 200 and no body.
/// </summary>
internal sealed partial class BotHttpHandler(CloudAdapter adapter, IOptions<BotAdapterOptions> options, ILogger<BotHttpHandler> logger)
{
    public async Task HandleAsync(HttpContext httpContext)
    {
        var request = httpContext.Request;
        var response = httpContext.Response;
        var cancellationToken = httpContext.RequestAborted;
        var limit = options.Value.MaxRequestBodyBytes;

        if (request.ContentLength > limit)
        {
            LogRejected(StatusCodes.Status413PayloadTooLarge);
            response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        var body = await ReadBodyAsync(request.Body, limit, cancellationToken);
        if (body is null)
        {
            LogRejected(StatusCodes.Status413PayloadTooLarge);
            response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        var activity = Parse(body);
        if (activity is null)
        {
            LogRejected(StatusCodes.Status400BadRequest);
            response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var bot = httpContext.RequestServices.GetRequiredService<IBot>();
        var authorization = request.Headers.Authorization.ToString();
        InvokeResponse? invokeResponse;
        try
        {
            invokeResponse = await adapter.ProcessActivityAsync(
                authorization.Length > 0 ? authorization : null, activity, bot, cancellationToken);
        }
        catch (UnauthorizedAccessException)
        {
            LogRejected(StatusCodes.Status401Unauthorized);
            response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        if (invokeResponse is null)
        {
            response.StatusCode = StatusCodes.Status200OK;
            return;
        }

        response.StatusCode = invokeResponse.Status;
        if (invokeResponse.Body is { } invokeBody)
        {
            response.ContentType = "application/json; charset=utf-8";
            await JsonSerializer.SerializeAsync(response.Body, invokeBody, BotJson.Options, cancellationToken);
        }
    }

    /// <summary>The body, or <c>null</c> when it is longer than <paramref name="limit"/> (chunked bodies have no length up front).</summary>
    private static async Task<byte[]?> ReadBodyAsync(Stream body, int limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static Activity? Parse(byte[] body)
    {
        try
        {
            var activity = JsonSerializer.Deserialize<Activity>(body, BotJson.Options);
            return string.IsNullOrWhiteSpace(activity?.Type) ? null : activity;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Bot request rejected with {StatusCode}")]
    private partial void LogRejected(int statusCode);
}
