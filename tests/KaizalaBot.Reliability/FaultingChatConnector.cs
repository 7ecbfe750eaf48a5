using System.Globalization;
using KaizalaBot.Testing.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace KaizalaBot.Reliability;

/// <summary>
/// The Bot Connector of the seller's chat, on loopback: records every call with the status it got, and fails a seeded
/// share of them the way Teams does — 429 with <c>Retry-After</c> (seconds), 500, 503 — without carrying them out. A
/// call answered 2xx is one the connector carried out, so only those count as shown. With <c>loseAnswers</c> it also
/// carries out one proactive call per conversation and never answers it (the caller times out, as when Teams shows a
/// message but its answer is lost): the first new message it would carry out in the first, third, … conversation to post
/// or update one, the first update in the second, fourth, …; such a call is recorded as carried out, with
/// <see cref="ChatExchange.AnswerLost"/>.
/// </summary>
internal sealed class FaultingChatConnector : IAsyncDisposable
{
    // Far longer than the bot waits for an answer (BotFramework:RequestTimeout in the fault run).
    private static readonly TimeSpan LostAnswerHold = TimeSpan.FromSeconds(60);

    private readonly Lock _gate = new();
    private readonly List<ChatExchange> _exchanges = [];
    private readonly List<string> _conversations = [];
    private readonly Random _dice;
    private readonly double _failureRate;
    private readonly bool _loseAnswers;
    private LoopbackWebServer? _server;

    private FaultingChatConnector(int seed, int faultPercent, bool loseAnswers)
    {
        _dice = new Random(seed);
        _failureRate = faultPercent / 100.0;
        _loseAnswers = loseAnswers;
    }

    /// <summary>A Teams-like regional serviceUrl at this connector.</summary>
    public string ServiceUrl => new Uri(_server!.BaseAddress, "emea/").ToString();

    public IReadOnlyList<ChatExchange> Exchanges
    {
        get
        {
            lock (_gate)
            {
                return [.. _exchanges];
            }
        }
    }

    public static async Task<FaultingChatConnector> StartAsync(int seed, int faultPercent, bool loseAnswers = false)
    {
        var connector = new FaultingChatConnector(seed, faultPercent, loseAnswers);
        connector._server = await LoopbackWebServer.StartAsync(app => app.Run(connector.HandleAsync));
        return connector;
    }

    public ValueTask DisposeAsync() => _server?.DisposeAsync() ?? ValueTask.CompletedTask;

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var call = new ChatExchange(context.Request.Method, Uri.UnescapeDataString(context.Request.Path.Value ?? ""), body, 200);
        string id;
        lock (_gate)
        {
            id = string.Create(CultureInfo.InvariantCulture, $"activity-{_exchanges.Count + 1}");
            var lost = _loseAnswers && LosesAnswer(call);
            var status = lost || _dice.NextDouble() >= _failureRate ? 200 : _dice.Next(3) switch { 0 => 429, 1 => 500, _ => 503 };
            call = call with { Status = status, AnswerLost = lost, AnsweredId = status == 200 ? id : null };
            _exchanges.Add(call);
        }

        if (call.AnswerLost)
        {
            // Carried out (recorded as shown), but the answer never comes: the bot gives up on the attempt first.
            try
            {
                await Task.Delay(LostAnswerHold, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                // The bot hung up.
            }

            context.Abort();
            return;
        }

        context.Response.StatusCode = call.Status;
        if (call.Status == 429)
        {
            context.Response.Headers.RetryAfter = "1";
        }

        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(
            call.Status == 200
                ? $$"""{"id":"{{id}}"}"""
                : """{"error":{"code":"ServiceError","message":"Injected by the reliability harness."}}""",
            context.RequestAborted);
    }

    /// <summary>Whether this call is the one of its conversation whose answer is lost (under the gate).</summary>
    private bool LosesAnswer(ChatExchange call)
    {
        if (call.ConversationId is not { } conversation || !(call.IsNewMessage || call.IsUpdate))
        {
            return false;
        }

        var ordinal = _conversations.IndexOf(conversation);
        if (ordinal < 0)
        {
            _conversations.Add(conversation);
            ordinal = _conversations.Count - 1;
        }

        var losesUpdate = ordinal % 2 == 1;
        return (losesUpdate ? call.IsUpdate : call.IsNewMessage)
            && !_exchanges.Exists(e => e.ConversationId == conversation && e.CarriedOut && (losesUpdate ? e.IsUpdate : e.IsNewMessage));
    }
}
