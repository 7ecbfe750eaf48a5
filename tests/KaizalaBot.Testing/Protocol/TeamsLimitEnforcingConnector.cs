using System.Net;
using System.Text;
using System.Text.Json;

namespace KaizalaBot.Testing.Protocol;

/// <summary>
/// A Bot Connector transport that enforces Teams' documented limits on virtual time (reference §5.9: per conversation
/// 7/1 s, 8/2 s, 60/30 s, 1,800/h; per tenant 50/1 s, as sliding windows): a send past any of them gets 429 with a
/// <c>Retry-After</c> in whole seconds and is not delivered. Records what was delivered, per conversation (sends and
/// updates alike: Teams counts both).
/// </summary>
public sealed class TeamsLimitEnforcingConnector(TimeProvider time) : HttpMessageHandler
{
    private static readonly (int Limit, TimeSpan Window)[] ConversationRules =
        [(7, TimeSpan.FromSeconds(1)), (8, TimeSpan.FromSeconds(2)), (60, TimeSpan.FromSeconds(30)), (1800, TimeSpan.FromHours(1))];

    private static readonly (int Limit, TimeSpan Window)[] TenantRules = [(50, TimeSpan.FromSeconds(1))];

    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<DateTimeOffset>> _conversations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<DateTimeOffset>> _tenants = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _delivered = new(StringComparer.Ordinal);
    private int _arrivals;
    private int _throttled;
    private int _updates;

    public int Arrivals => Volatile.Read(ref _arrivals);

    /// <summary>Delivered updates of a message in place (<c>PUT …/activities/{id}</c>).</summary>
    public int DeliveredUpdates => Volatile.Read(ref _updates);

    public int Throttled => Volatile.Read(ref _throttled);

    public IReadOnlyDictionary<string, int> Delivered
    {
        get
        {
            lock (_gate)
            {
                return new Dictionary<string, int>(_delivered);
            }
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = await request.Content!.ReadAsStringAsync(cancellationToken);
        var activity = JsonDocument.Parse(body).RootElement;
        var segments = request.RequestUri!.AbsolutePath.Split('/');
        var conversation = Uri.UnescapeDataString(segments[Array.IndexOf(segments, "conversations") + 1]);
        var tenant = activity.GetProperty("conversation").GetProperty("tenantId").GetString()!;
        var now = time.GetUtcNow();
        lock (_gate)
        {
            _arrivals++;
            var conversationLog = Log(_conversations, conversation);
            var tenantLog = Log(_tenants, tenant);
            var wait = new[] { Wait(conversationLog, ConversationRules, now), Wait(tenantLog, TenantRules, now) }.Max();
            if (wait > TimeSpan.Zero)
            {
                _throttled++;
                var throttled = new HttpResponseMessage(HttpStatusCode.TooManyRequests)
                {
                    RequestMessage = request,
                    Content = new StringContent("""{"error":{"code":"Throttled","message":"Too many requests"}}""", Encoding.UTF8, "application/json"),
                };
                throttled.Headers.RetryAfter = new(TimeSpan.FromSeconds(Math.Ceiling(wait.TotalSeconds)));
                return throttled;
            }

            conversationLog.Add(now);
            tenantLog.Add(now);
            _delivered[conversation] = _delivered.GetValueOrDefault(conversation) + 1;
            if (request.Method == HttpMethod.Put)
            {
                _updates++;
            }

            return new HttpResponseMessage(HttpStatusCode.Created)
            {
                RequestMessage = request,
                Content = new StringContent($$"""{"id":"msg-{{_arrivals}}"}""", Encoding.UTF8, "application/json"),
            };
        }
    }

    private static List<DateTimeOffset> Log(Dictionary<string, List<DateTimeOffset>> logs, string key)
    {
        if (!logs.TryGetValue(key, out var log))
        {
            log = [];
            logs[key] = log;
        }

        return log;
    }

    // Logs are in arrival order, so each rule only looks back over its own window.
    private static TimeSpan Wait(List<DateTimeOffset> log, (int Limit, TimeSpan Window)[] rules, DateTimeOffset now)
    {
        var wait = TimeSpan.Zero;
        foreach (var (limit, window) in rules)
        {
            var inWindow = 0;
            for (var i = log.Count - 1; i >= 0 && now - log[i] < window; i--)
            {
                inWindow++;
            }

            if (inWindow >= limit)
            {
                var free = log[^limit] + window - now;
                wait = free > wait ? free : wait;
            }
        }

        return wait;
    }
}
