namespace KaizalaBot.Tests.Support;

/// <summary>Sends requests for http://localhost:3978 (the Development address) into the test server; others go out normally.</summary>
internal sealed class OwnAddressHandler(Func<HttpMessageHandler> testServer) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is { Host: "localhost", Port: 3978 })
        {
            using var invoker = new HttpMessageInvoker(testServer(), disposeHandler: false);
            return invoker.SendAsync(request, cancellationToken);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
