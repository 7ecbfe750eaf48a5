namespace KaizalaBot.Testing.Http;

/// <summary>Records each request in its <see cref="RequestLog"/> (every attempt, as the server sees them) and passes it on.</summary>
internal sealed class RequestLoggingHandler(RequestLog log) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        log.Add(request);
        return base.SendAsync(request, cancellationToken);
    }
}
