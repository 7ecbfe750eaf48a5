using System.Collections.Concurrent;

namespace KaizalaBot.Testing.Http;

/// <summary>
/// The requests HttpClients sent (method and path), for a test or harness that counts what a piece of work costs in
/// calls. <see cref="CreatePrimaryHandler"/> is the clients' innermost handler, so every attempt a retry pipeline makes
/// is logged as the server sees it: <c>services.ConfigureHttpClientDefaults(b => b.ConfigurePrimaryHttpMessageHandler(log.CreatePrimaryHandler))</c>.
/// </summary>
public sealed class RequestLog
{
    private readonly ConcurrentQueue<LoggedRequest> _requests = new();

    public HttpMessageHandler CreatePrimaryHandler() => new RequestLoggingHandler(this) { InnerHandler = new SocketsHttpHandler() };

    /// <summary>A handler to add to a client whose primary handler is someone else's (a test server's): one entry per attempt that reaches it.</summary>
    public DelegatingHandler CreateHandler() => new RequestLoggingHandler(this);

    public IReadOnlyList<LoggedRequest> Requests => [.. _requests];

    public int Count(Func<LoggedRequest, bool> match) => _requests.Count(match);

    public void Clear() => _requests.Clear();

    internal void Add(HttpRequestMessage request) =>
        _requests.Enqueue(new LoggedRequest(request.Method.Method, request.RequestUri?.AbsolutePath ?? ""));
}
