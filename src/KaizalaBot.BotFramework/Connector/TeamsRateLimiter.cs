using System.Threading.RateLimiting;
using KaizalaBot.BotFramework.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KaizalaBot.BotFramework.Connector;

/// <summary>
/// Teams' rate limits on the client side (reference §5.9), as a <see cref="PartitionedRateLimiter{TResource}"/>: per
/// conversation <see cref="BotConnectorOptions.EffectiveConversationRateLimits"/> (7/1 s, 8/2 s, 60/30 s, 1,800/h) and per
/// tenant <see cref="BotConnectorOptions.EffectiveTenantRateLimits"/> (50/1 s), both checked and counted in one step so a
/// send never holds one budget while it waits for the other. A send with a deadline (a turn's) gets a refused lease
/// carrying <see cref="MetadataName.RetryAfter"/> as soon as its wait would pass the deadline; background sends queue,
/// first come first served (a send blocked by its own conversation does not hold up the others), and may use only part
/// of a tenant's budget so the sellers' own turns always find room. One timer serves the queue, waking when the next
/// queued send may go. A 429 from Teams <see cref="Pause">pauses</see> the conversation and the tenant for its <c>Retry-After</c>.
/// </summary>
/// <remarks>
/// Own windows rather than the framework's limiters: those read the real clock (dotnet/runtime#106447), so they cannot
/// be tested in virtual time, and a chain of them grants one budget before waiting on the next, letting real send times
/// bunch past Teams' sliding windows. State is kept per conversation and tenant only while a window still holds one of
/// their sends (or a pause runs); idle entries are swept, so memory follows the traffic of the last hour.
/// </remarks>
public sealed partial class TeamsRateLimiter : PartitionedRateLimiter<OutboundRequest>
{
    // The share of a tenant's budget that background work (reminders, progress cards) may use.
    private const double BackgroundTenantShare = 0.8;
    private static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(1);

    private readonly Dictionary<string, SlidingWindowLog> _conversations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SlidingWindowLog> _tenants = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly IReadOnlyList<RateLimitRule> _conversationRules;
    private readonly IReadOnlyList<RateLimitRule> _tenantRules;
    private readonly TimeSpan _longestWindow;
    private readonly TimeProvider _time;
    private readonly DateTimeOffset _origin;
    private readonly ILogger<TeamsRateLimiter> _logger;
    private readonly LinkedList<Waiter> _queue = new();
    private readonly ITimer _pump;
    private TimeSpan? _pumpDue;
    private TimeSpan _lastSweep;
    private long _granted;
    private long _refused;
    private long _waiting;

    public TeamsRateLimiter(
        IOptions<BotConnectorOptions> options, TimeProvider time, ILogger<TeamsRateLimiter> logger, BotFrameworkTelemetry? telemetry = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);

        _conversationRules = options.Value.EffectiveConversationRateLimits;
        _tenantRules = options.Value.EffectiveTenantRateLimits;
        _longestWindow = _conversationRules.Concat(_tenantRules).Max(r => r.Window);
        _time = time;
        _origin = time.GetUtcNow();
        _logger = logger;
        _pump = time.CreateTimer(_ => Pump(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        telemetry?.ObserveQueuedSends(() => QueuedCount);
    }

    /// <summary>Conversations and tenants whose windows are tracked right now (memory is bounded by this).</summary>
    internal int TrackedCount
    {
        get
        {
            lock (_gate)
            {
                return _conversations.Count + _tenants.Count;
            }
        }
    }

    /// <summary>Sends waiting for a permit now: turns' sends waiting on their own, and the background queue.</summary>
    internal long QueuedCount => Interlocked.Read(ref _waiting) + QueueLength();

    /// <summary>
    /// The same for every resource: <see cref="RateLimiterStatistics.CurrentQueuedCount"/> is the number of sends waiting
    /// for a permit, the lease totals count every grant and every refusal (a waiting send is refused each time it looks).
    /// </summary>
    public override RateLimiterStatistics? GetStatistics(OutboundRequest resource) => new()
    {
        CurrentQueuedCount = QueuedCount,
        TotalSuccessfulLeases = Interlocked.Read(ref _granted),
        TotalFailedLeases = Interlocked.Read(ref _refused),
    };

    /// <summary>Holds every send of the conversation and tenant of <paramref name="resource"/> for <paramref name="duration"/>.</summary>
    public void Pause(OutboundRequest resource, TimeSpan duration)
    {
        ArgumentNullException.ThrowIfNull(resource);

        lock (_gate)
        {
            var until = Now() + duration;
            if (resource.ConversationId is { } conversation)
            {
                GetOrAdd(_conversations, conversation).Pause(until);
            }

            GetOrAdd(_tenants, TenantKey(resource)).Pause(until);
        }

        LogPaused(duration);
    }

    /// <summary>Grants a permit (<paramref name="permitCount"/> 1) now, or refuses with the wait as <see cref="MetadataName.RetryAfter"/>; 0 only asks.</summary>
    protected override RateLimitLease AttemptAcquireCore(OutboundRequest resource, int permitCount)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(permitCount, 1);

        lock (_gate)
        {
            var (wait, _) = TryGrantLocked(resource, permitCount, Now());
            return wait == TimeSpan.Zero ? GrantedLease : new Lease(false, wait);
        }
    }

    /// <summary>
    /// Waits for a permit. A send with a deadline waits on its own and gets a refused lease as soon as its wait would pass
    /// the deadline; a background send joins the queue.
    /// </summary>
    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(
        OutboundRequest resource, int permitCount, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(permitCount, 1);

        if (resource.Deadline is not { } deadline)
        {
            return await EnqueueAsync(resource, permitCount, cancellationToken);
        }

        Interlocked.Increment(ref _waiting);
        try
        {
            while (true)
            {
                var lease = AttemptAcquireCore(resource, permitCount);
                if (lease.IsAcquired || !lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) || _time.GetUtcNow() + wait > deadline)
                {
                    return lease;
                }

                await Task.Delay(wait, _time, cancellationToken);
            }
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _pump.Dispose();
            List<Waiter> abandoned;
            lock (_gate)
            {
                abandoned = [.. _queue];
                _queue.Clear();
            }

            foreach (var waiter in abandoned)
            {
                waiter.Completion.TrySetResult(new Lease(false, null));
            }
        }

        base.Dispose(disposing);
    }

    private static readonly RateLimitLease GrantedLease = new Lease(true, null);

    private async ValueTask<RateLimitLease> EnqueueAsync(OutboundRequest resource, int permitCount, CancellationToken cancellationToken)
    {
        Waiter waiter;
        lock (_gate)
        {
            var now = Now();

            // First come, first served: a background send only skips the queue when nobody is in it.
            var wait = _queue.Count == 0 ? TryGrantLocked(resource, permitCount, now).Wait : (TimeSpan?)null;
            if (wait == TimeSpan.Zero)
            {
                return GrantedLease;
            }

            waiter = new Waiter(resource, permitCount);
            waiter.Node = _queue.AddLast(waiter);
            SchedulePumpLocked(now + (wait ?? TimeSpan.Zero));
        }

        using var registration = cancellationToken.Register(() =>
        {
            lock (_gate)
            {
                if (waiter.Node?.List is not null)
                {
                    _queue.Remove(waiter.Node);
                }
            }

            waiter.Completion.TrySetCanceled(cancellationToken);
        });
        return await waiter.Completion.Task;
    }

    // Grants, in queue order, every queued send that may go now, then sleeps until the next one may.
    private void Pump()
    {
        var granted = new List<Waiter>();
        lock (_gate)
        {
            var now = Now();
            _pumpDue = null;
            TimeSpan? next = null;

            // Once a conversation or tenant is found full in this pass, the sends queued behind it for it are skipped
            // without looking again: a pass stays one cheap walk of the queue however long the queue is.
            var full = new HashSet<string>(StringComparer.Ordinal);
            for (var node = _queue.First; node is not null;)
            {
                var following = node.Next;
                var resource = node.Value.Resource;
                if (!full.Contains(TenantKey(resource)) && (resource.ConversationId is null || !full.Contains(resource.ConversationId)))
                {
                    var (wait, fullKey) = TryGrantLocked(resource, node.Value.PermitCount, now);
                    if (wait == TimeSpan.Zero)
                    {
                        _queue.Remove(node);
                        granted.Add(node.Value);
                    }
                    else
                    {
                        full.Add(fullKey!);
                        next = next is null || wait < next ? wait : next;
                    }
                }

                node = following;
            }

            if (next is { } sleep)
            {
                SchedulePumpLocked(now + sleep);
            }
        }

        // Outside the lock: a woken send may run on at once, and come back for its next permit.
        foreach (var waiter in granted)
        {
            waiter.Completion.TrySetResult(GrantedLease);
        }
    }

    private void SchedulePumpLocked(TimeSpan due)
    {
        if (_pumpDue is { } scheduled && scheduled <= due)
        {
            return;
        }

        _pumpDue = due;
        var delay = due - Now();
        _pump.Change(delay > TimeSpan.Zero ? delay : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Records a grant and returns zero, or returns how long the send must wait and whose budget is full.</summary>
    private (TimeSpan Wait, string? FullKey) TryGrantLocked(OutboundRequest resource, int permitCount, TimeSpan now)
    {
        SweepIfDue(now);
        var conversation = resource.ConversationId is { } id ? GetOrAdd(_conversations, id) : null;
        var tenant = GetOrAdd(_tenants, TenantKey(resource));
        conversation?.Prune(now, _longestWindow);
        tenant.Prune(now, _longestWindow);

        var share = resource.Deadline is null ? BackgroundTenantShare : 1.0;
        var wait = tenant.WaitFor(now, _tenantRules, share);
        var fullKey = TenantKey(resource);
        if (conversation?.WaitFor(now, _conversationRules, 1.0) is { } conversationWait && conversationWait > wait)
        {
            wait = conversationWait;
            fullKey = resource.ConversationId;
        }

        if (wait > TimeSpan.Zero)
        {
            _refused++;
            return (wait, fullKey);
        }

        if (permitCount == 1)
        {
            conversation?.Record(now);
            tenant.Record(now);
            _granted++;
        }

        return (TimeSpan.Zero, null);
    }

    private static string TenantKey(OutboundRequest resource) => resource.TenantId ?? string.Empty;

    private long QueueLength()
    {
        lock (_gate)
        {
            return _queue.Count;
        }
    }

    private TimeSpan Now() => _time.GetUtcNow() - _origin;

    private void SweepIfDue(TimeSpan now)
    {
        if (now - _lastSweep < SweepInterval)
        {
            return;
        }

        _lastSweep = now;
        Sweep(_conversations, now);
        Sweep(_tenants, now);
    }

    private void Sweep(Dictionary<string, SlidingWindowLog> logs, TimeSpan now)
    {
        foreach (var (key, log) in logs)
        {
            log.Prune(now, _longestWindow);
            if (log.IsIdle(now))
            {
                logs.Remove(key);
            }
        }
    }

    private static SlidingWindowLog GetOrAdd(Dictionary<string, SlidingWindowLog> logs, string key)
    {
        if (!logs.TryGetValue(key, out var log))
        {
            log = new SlidingWindowLog();
            logs[key] = log;
        }

        return log;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Teams answered 429: holding that conversation's and tenant's sends for {Duration}")]
    private partial void LogPaused(TimeSpan duration);

    private sealed class Waiter(OutboundRequest resource, int permitCount)
    {
        public OutboundRequest Resource { get; } = resource;

        public int PermitCount { get; } = permitCount;

        public LinkedListNode<Waiter>? Node { get; set; }

        public TaskCompletionSource<RateLimitLease> Completion { get; } = new();
    }

    private sealed class Lease(bool isAcquired, TimeSpan? retryAfter) : RateLimitLease
    {
        private static readonly string[] RetryAfterOnly = [MetadataName.RetryAfter.Name];

        public override bool IsAcquired { get; } = isAcquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : RetryAfterOnly;

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = metadataName == MetadataName.RetryAfter.Name ? retryAfter : null;
            return metadata is not null;
        }
    }
}
