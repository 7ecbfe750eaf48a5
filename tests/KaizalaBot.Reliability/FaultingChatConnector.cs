using System.Globalization;
using KaizalaBot.Testing.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace KaizalaBot.Reliability;

/// <summary>
/// The Bot Connector of the seller's chat, on loopback: records every call with the status it got, and fails a seeded
/// share of them the way Teams does — 429 with <c>Retry-After</c> (seconds), 500, 503 — without carrying them out. A
/// call answered 2xx is one the connector carried out, so only those count as shown.
/// </summary>
internal sealed class FaultingChatConnector : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly List<ChatExchange> _exchanges = [];
    private readonly Random _dice;
    private readonly double _failureRate;
    private LoopbackWebServer? _server;

    private FaultingChatConnector(int seed, int faultPercent)
    {
        _dice = new Random(seed);
        _failureRate = faultPercent / 100.0;
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

    public static async Task<FaultingChatConnector> StartAsync(int seed, int faultPercent)
    {
        var connector = new FaultingChatConnector(seed, faultPercent);
        connector._server = await LoopbackWebServer.StartAsync(app => app.Run(connector.HandleAsync));
        return connector;
    }

    public ValueTask DisposeAsync() => _server?.DisposeAsync() ?? ValueTask.CompletedTask;

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        int status;
        int number;
        lock (_gate)
        {
            status = _dice.NextDouble() < _failureRate ? _dice.Next(3) switch { 0 => 429, 1 => 500, _ => 503 } : 200;
            number = _exchanges.Count + 1;
            _exchanges.Add(new ChatExchange(
                context.Request.Method, Uri.UnescapeDataString(context.Request.Path.Value ?? ""), body, status, status == 200 ? AnsweredId(number) : null));
        }

        context.Response.StatusCode = status;
        if (status == 429)
        {
            context.Response.Headers.RetryAfter = "1";
        }

        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(
            status == 200
                ? $$"""{"id":"{{AnsweredId(number)}}"}"""
                : """{"error":{"code":"ServiceError","message":"Injected by the reliability harness."}}""",
            context.RequestAborted);
    }

    private static string AnsweredId(int number) => string.Create(CultureInfo.InvariantCulture, $"activity-{number}");
}
