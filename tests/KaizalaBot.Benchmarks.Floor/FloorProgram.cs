using System.Net.Http.Headers;
using System.Text.Json;
using KaizalaBot.BotFramework.Schema;

namespace KaizalaBot.Benchmarks.Floor;

/// <summary>
/// The floor the turn benchmark divides by: what any bot on ASP.NET Core must pay for one turn and nothing more. It parses
/// the activity with the bot's own schema and JSON options, posts one reply to the activity's serviceUrl and answers 200
/// (an invoke with a one-line invoke answer). Same host builder, Kestrel defaults and logging configuration as the bot,
/// so the ratio the benchmark prints is the price of the bot's own work: validation, state, routing, cards, connector.
/// </summary>
/// <remarks>An explicit entry point rather than top-level statements: the benchmark also references the bot, whose generated <c>Program</c> must stay the only one.</remarks>
internal static class FloorProgram
{
    private const string ReplyClient = "floor-reply";

    private static readonly MediaTypeHeaderValue Json = MediaTypeHeaderValue.Parse("application/json; charset=utf-8");

    public static async Task Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddHttpClient(ReplyClient);
        var app = builder.Build();
        app.MapPost("/api/messages", HandleAsync);
        await app.RunAsync();
    }

    private static async Task<IResult> HandleAsync(HttpContext http, IHttpClientFactory clients)
    {
        Activity? activity;
        try
        {
            activity = await JsonSerializer.DeserializeAsync<Activity>(http.Request.Body, BotJson.Options, http.RequestAborted);
        }
        catch (JsonException)
        {
            return Results.BadRequest();
        }

        if (activity is not { ServiceUrl: { } serviceUrl, Conversation.Id: { } conversationId })
        {
            return Results.BadRequest();
        }

        var reply = new Activity
        {
            Type = ActivityTypes.Message,
            Text = "ok",
            ReplyToId = activity.Id,
            Conversation = activity.Conversation,
            From = activity.Recipient,
            Recipient = activity.From,
            Locale = activity.Locale,
        };
        var path = $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities/{Uri.EscapeDataString(activity.Id ?? "none")}";
        using var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(reply, BotJson.Options));
        content.Headers.ContentType = Json;
        using var answer = await clients.CreateClient(ReplyClient).PostAsync(new Uri(new Uri(serviceUrl), path), content, http.RequestAborted);
        answer.EnsureSuccessStatusCode();

        return activity.Type == ActivityTypes.Invoke
            ? Results.Json(new { statusCode = 200, type = "application/vnd.microsoft.activity.message", value = "ok" })
            : Results.Ok();
    }
}
