using System.Net;
using System.Text;

namespace KaizalaBot.PartnerCenter.Tests.Fakes;

// Serves canned Partner Center and Entra answers. API routes are answered in the order they were queued
// per path; the token endpoint answers by default with fresh tokens and a rotated refresh token.
internal sealed class StubHttpMessageHandler : HttpMessageHandler
{
    private readonly List<(Func<RecordedRequest, bool> Match, Func<RecordedRequest, CancellationToken, Task<HttpResponseMessage>> Respond)> _queued = [];
    private readonly List<(Func<RecordedRequest, bool> Match, Func<RecordedRequest, CancellationToken, Task<HttpResponseMessage>> Respond)> _fallbacks = [];
    private readonly List<(Func<RecordedRequest, bool> Match, int Count, TaskCompletionSource Reached)> _arrivalWaiters = [];
    private readonly Lock _gate = new();
    private int _tokenCount;

    public List<RecordedRequest> Requests { get; } = [];

    public Func<RecordedRequest, HttpResponseMessage>? TokenResponder { get; set; }

    // When set, token requests wait for it: lets a test hold several callers inside a refresh at once.
    public Task? TokenGate { get; set; }

    public IEnumerable<RecordedRequest> ApiRequests
    {
        get
        {
            lock (_gate)
            {
                return Requests.Where(r => !r.IsTokenRequest).ToList();
            }
        }
    }

    public IEnumerable<RecordedRequest> TokenRequests
    {
        get
        {
            lock (_gate)
            {
                return Requests.Where(r => r.IsTokenRequest).ToList();
            }
        }
    }

    // Completes once `count` token requests have arrived (those already recorded count): an event to wait on, not a poll.
    public Task WhenTokenRequests(int count) => WhenRequests(r => r.IsTokenRequest, count);

    public Task WhenApiRequests(int count) => WhenRequests(r => !r.IsTokenRequest, count);

    // Answers the next matching request once.
    public StubHttpMessageHandler Once(string pathAndQueryPrefix, HttpStatusCode status, string? json = null, Action<HttpResponseMessage>? configure = null)
    {
        lock (_gate)
        {
            _queued.Add((r => r.PathAndQuery.StartsWith(pathAndQueryPrefix, StringComparison.Ordinal), (_, _) => Task.FromResult(Json(status, json, configure))));
        }

        return this;
    }

    public StubHttpMessageHandler OnceHang(string pathAndQueryPrefix)
    {
        lock (_gate)
        {
            _queued.Add((r => r.PathAndQuery.StartsWith(pathAndQueryPrefix, StringComparison.Ordinal), async (_, ct) =>
            {
                await Task.Delay(Timeout.Infinite, ct);
                throw new InvalidOperationException("unreachable");
            }));
        }

        return this;
    }

    // Answers every matching request that no queued answer took.
    public StubHttpMessageHandler Always(string pathAndQueryPrefix, HttpStatusCode status, string? json = null)
    {
        lock (_gate)
        {
            _fallbacks.Add((r => r.PathAndQuery.StartsWith(pathAndQueryPrefix, StringComparison.Ordinal), (_, _) => Task.FromResult(Json(status, json, null))));
        }

        return this;
    }

    public static HttpResponseMessage Json(HttpStatusCode status, string? json, Action<HttpResponseMessage>? configure)
    {
        var response = new HttpResponseMessage(status);
        if (json is not null)
        {
            response.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        configure?.Invoke(response);
        return response;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var headers = request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
        if (request.Content is not null)
        {
            foreach (var header in request.Content.Headers)
            {
                headers[header.Key] = string.Join(",", header.Value);
            }
        }

        var recorded = new RecordedRequest(request.Method, request.RequestUri!, headers, body);
        lock (_gate)
        {
            Requests.Add(recorded);
            _arrivalWaiters.RemoveAll(waiter => Reached(waiter.Match, waiter.Count, waiter.Reached));
        }

        if (recorded.IsTokenRequest)
        {
            if (TokenGate is { } gate)
            {
                await gate.WaitAsync(cancellationToken);
            }

            return TokenResponder?.Invoke(recorded) ?? DefaultToken(recorded);
        }

        Func<RecordedRequest, CancellationToken, Task<HttpResponseMessage>>? respond = null;
        lock (_gate)
        {
            var index = _queued.FindIndex(entry => entry.Match(recorded));
            if (index >= 0)
            {
                respond = _queued[index].Respond;
                _queued.RemoveAt(index);
            }
            else
            {
                respond = _fallbacks.Find(entry => entry.Match(recorded)).Respond;
            }
        }

        return respond is null
            ? Json(HttpStatusCode.NotFound, """{"code":1000,"description":"No stub for this request.","source":"Stub"}""", null)
            : await respond(recorded, cancellationToken);
    }

    private Task WhenRequests(Func<RecordedRequest, bool> match, int count)
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (!Reached(match, count, reached))
            {
                _arrivalWaiters.Add((match, count, reached));
            }
        }

        return reached.Task;
    }

    // Called under _gate.
    private bool Reached(Func<RecordedRequest, bool> match, int count, TaskCompletionSource reached) =>
        Requests.Count(match) >= count && reached.TrySetResult();

    private HttpResponseMessage DefaultToken(RecordedRequest request)
    {
        var n = Interlocked.Increment(ref _tokenCount);
        var json = request.FormValue("grant_type") == "refresh_token"
            ? $$"""{"token_type":"Bearer","expires_in":3600,"access_token":"user-token-{{n}}","refresh_token":"rotated-refresh-{{n}}","scope":"user_impersonation"}"""
            : $$"""{"token_type":"Bearer","expires_in":3600,"access_token":"app-token-{{n}}"}""";
        return Json(HttpStatusCode.OK, json, null);
    }
}
