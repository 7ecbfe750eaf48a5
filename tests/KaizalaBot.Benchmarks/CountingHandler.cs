namespace KaizalaBot.Benchmarks;

/// <summary>
/// Counts the Partner Center API calls of every client it is put in front of, by kind (token requests aside). Counters
/// rather than the shared RequestLog: a log of every request grows with the customers, in the heap this benchmark measures.
/// </summary>
internal sealed class CountingHandler(PartnerCenterCalls calls) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri?.AbsolutePath is { } path && path.Contains("/v1/", StringComparison.Ordinal))
        {
            calls.Count(path);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
