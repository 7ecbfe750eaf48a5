using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using KaizalaBot.Migration.Jobs;
using Microsoft.Extensions.Options;

namespace KaizalaBot.Migration.PartnerCenterAccess;

/// <summary>
/// Client-side pacing of Partner Center calls per customer tenant (its limits are per tenant id, reference §7): one
/// token bucket per customer, <c>RequestBurst</c> deep and refilled at <c>RequestsPerMinute</c>, so no 60-second window
/// ever carries more than burst + rate calls. Buckets are refilled by a timer on the injected <see cref="TimeProvider"/>
/// (not the limiter's own wall-clock timer), so tests in virtual time see the same pacing. A 429's Retry-After pauses
/// the customer's bucket for everyone.
/// </summary>
public sealed class CustomerRateLimiter : IAsyncDisposable
{
    private static readonly TimeSpan RefillPeriod = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<string, TokenBucketRateLimiter> _buckets = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _pausedUntil = new(StringComparer.OrdinalIgnoreCase);
    private readonly TimeProvider _time;
    private readonly int _burst;
    private readonly int _tokensPerPeriod;
    private readonly ITimer _refill;

    public CustomerRateLimiter(IOptions<MigrationOptions> options, TimeProvider time)
    {
        var runner = options.Value.Runner;
        _time = time;
        _burst = Math.Max(1, runner.RequestBurst);
        _tokensPerPeriod = Math.Max(1, runner.RequestsPerMinute / 60);
        _refill = time.CreateTimer(_ => Refill(), null, RefillPeriod, RefillPeriod);
    }

    public async ValueTask AcquireAsync(string customerId, CancellationToken cancellationToken)
    {
        if (_pausedUntil.TryGetValue(customerId, out var until) && until - _time.GetUtcNow() is { Ticks: > 0 } wait)
        {
            await Task.Delay(wait, _time, cancellationToken);
        }

        var bucket = _buckets.GetOrAdd(customerId, _ => new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = _burst,
            TokensPerPeriod = _tokensPerPeriod,
            ReplenishmentPeriod = RefillPeriod,
            AutoReplenishment = false,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        }));
        using var lease = await bucket.AcquireAsync(1, cancellationToken);
        if (!lease.IsAcquired)
        {
            throw new InvalidOperationException("The Partner Center rate limiter refused a call although its queue is unbounded.");
        }
    }

    /// <summary>Partner Center answered 429: hold every call to this customer until it said to come back.</summary>
    public void Pause(string customerId, TimeSpan retryAfter)
    {
        var until = _time.GetUtcNow() + retryAfter;
        _pausedUntil.AddOrUpdate(customerId, until, (_, current) => current > until ? current : until);
    }

    public async ValueTask DisposeAsync()
    {
        await _refill.DisposeAsync();
        foreach (var bucket in _buckets.Values)
        {
            await bucket.DisposeAsync();
        }
    }

    private void Refill()
    {
        foreach (var bucket in _buckets.Values)
        {
            bucket.TryReplenish();
        }
    }
}
