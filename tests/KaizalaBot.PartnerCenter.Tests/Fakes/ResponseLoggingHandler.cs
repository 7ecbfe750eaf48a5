namespace KaizalaBot.PartnerCenter.Tests.Fakes;

internal sealed class ResponseLoggingHandler(ResponseLog log) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        var requestId = request.Headers.TryGetValues("MS-RequestId", out var values) ? values.FirstOrDefault() : null;
        log.Add(request.Method, request.RequestUri!.AbsolutePath, response.StatusCode, requestId);
        return response;
    }
}
