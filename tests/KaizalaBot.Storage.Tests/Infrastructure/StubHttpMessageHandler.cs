using System.Net;

namespace KaizalaBot.Storage.Tests.Infrastructure;

/// <summary>Answers each request with the next canned response and records what was sent.</summary>
public sealed class StubHttpMessageHandler(params Func<HttpResponseMessage>[] responses) : HttpMessageHandler
{
    private readonly Queue<Func<HttpResponseMessage>> _responses = new(responses);

    public List<HttpRequestMessage> Requests { get; } = [];

    public static HttpResponseMessage Error(HttpStatusCode status, string errorCode)
    {
        var response = new HttpResponseMessage(status)
        {
            Content = new StringContent(
                $"<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>{errorCode}</Code><Message>Stubbed {errorCode}.\nRequestId:1</Message></Error>"),
        };
        response.Headers.TryAddWithoutValidation("x-ms-error-code", errorCode);
        return response;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Add(request);
        if (!_responses.TryDequeue(out var next))
        {
            throw new InvalidOperationException($"Unexpected request {request.Method} {request.RequestUri}: no stubbed response left.");
        }

        var response = next();
        response.RequestMessage = request;
        return Task.FromResult(response);
    }
}
