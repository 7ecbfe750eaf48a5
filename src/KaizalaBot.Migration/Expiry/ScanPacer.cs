using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace KaizalaBot.Migration.Expiry;

/// <summary>
/// The scan's partner-wide budget of Partner Center calls (<c>Expiry:RequestsPerMinute</c>): a token bucket one second
/// deep, refilled by a timer on the injected <see cref="TimeProvider"/> (as <see cref="PartnerCenterAccess.CustomerRateLimiter"/>
/// does), so a scan in virtual time is paced the same way. Calls per customer are paced on top of this by the engine's
/// per-customer limiter.
/// </summary>
public sealed class ScanPacer : IAsyncDisposable
{
    private static readonly TimeSpan RefillPeriod = TimeSpan.FromSeconds(1);

    private readonly TokenBucketRateLimiter _bucket;
    private readonly ITimer _refill;

    public ScanPacer(IOptions<ExpiryOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        CallsPerSecond = Math.Max(1, options.Value.RequestsPerMinute / 60);
        _bucket = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = CallsPerSecond,
            TokensPerPeriod = CallsPerSecond,
            ReplenishmentPeriod = RefillPeriod,
            AutoReplenishment = false,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
        _refill = time.CreateTimer(_ => _bucket.TryReplenish(), null, RefillPeriod, RefillPeriod);
    }

    /// <summary>Calls granted per second: the floor a scan's duration is measured against.</summary>
    public int CallsPerSecond { get; }

    public async ValueTask AcquireAsync(CancellationToken cancellationToken)
    {
        using var lease = await _bucket.AcquireAsync(1, cancellationToken);
        if (!lease.IsAcquired)
        {
            throw new InvalidOperationException("The scan's rate limiter refused a call although its queue is unbounded.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _refill.DisposeAsync();
        await _bucket.DisposeAsync();
    }
}
