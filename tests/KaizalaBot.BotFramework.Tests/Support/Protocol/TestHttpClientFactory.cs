namespace KaizalaBot.BotFramework.Tests.Support.Protocol;

/// <summary>Hands out plain HttpClients (optionally over a given handler), each disposed with the factory.</summary>
internal sealed class TestHttpClientFactory(Func<HttpMessageHandler>? handlerFactory = null) : IHttpClientFactory, IDisposable
{
    private readonly List<HttpClient> _clients = [];

    public HttpClient CreateClient(string name)
    {
        var client = handlerFactory is null ? new HttpClient() : new HttpClient(handlerFactory(), disposeHandler: true);
        lock (_clients)
        {
            _clients.Add(client);
        }

        return client;
    }

    public void Dispose()
    {
        lock (_clients)
        {
            _clients.ForEach(c => c.Dispose());
        }
    }
}
