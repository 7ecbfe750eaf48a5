using System.Threading.RateLimiting;
using KaizalaBot.BotFramework.Connector;
using KaizalaBot.BotFramework.Tests.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace KaizalaBot.BotFramework.Tests.Connector;

public sealed class TeamsRateLimiterTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));

    private TeamsRateLimiter Create() =>
        new(Options.Create(new BotConnectorOptions()), _time, NullLogger<TeamsRateLimiter>.Instance);

    private OutboundRequest InTurn(string conversation, string tenant = "t1") => new(conversation, tenant, _time.GetUtcNow().AddSeconds(12));

    private static OutboundRequest Background(string conversation, string tenant = "t1") => new(conversation, tenant, null);

    [Fact]
    public void AttemptAcquire_EighthSendToOneConversationInASecond_RefusedUntilTheFirstLeavesTheWindow()
    {
        using var limiter = Create();
        for (var i = 0; i < 7; i++)
        {
            Assert.True(limiter.AttemptAcquire(InTurn("a:1")).IsAcquired);
            _time.Advance(TimeSpan.FromMilliseconds(10));
        }

        var refused = limiter.AttemptAcquire(InTurn("a:1"));

        Assert.False(refused.IsAcquired);
        Assert.True(refused.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter));
        Assert.Equal(TimeSpan.FromMilliseconds(930), retryAfter);
        _time.Advance(retryAfter);
        Assert.True(limiter.AttemptAcquire(InTurn("a:1")).IsAcquired);
        Assert.False(limiter.AttemptAcquire(InTurn("a:1")).IsAcquired); // 8 per 2 s now binds
    }

    [Fact]
    public void AttemptAcquire_OtherConversationsOfTheTenant_ShareFiftyPerSecond_BackgroundOnlyForty()
    {
        using var limiter = Create();

        var background = Enumerable.Range(0, 50).Count(i => limiter.AttemptAcquire(Background($"a:{i}")).IsAcquired);
        var inTurn = Enumerable.Range(50, 20).Count(i => limiter.AttemptAcquire(InTurn($"a:{i}")).IsAcquired);

        Assert.Equal(40, background);
        Assert.Equal(10, inTurn);
        Assert.True(limiter.AttemptAcquire(InTurn("a:other", tenant: "t2")).IsAcquired);
    }

    [Fact]
    public async Task AcquireAsync_InTurnWaitLongerThanTheDeadline_RefusedAtOnceWithRetryAfter()
    {
        using var limiter = Create();
        limiter.Pause(Background("a:1"), TimeSpan.FromSeconds(30));

        using var lease = await limiter.AcquireAsync(InTurn("a:1")).AsTask().WaitAsync(Ct.Bounded());

        Assert.False(lease.IsAcquired);
        Assert.True(lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter));
        Assert.Equal(TimeSpan.FromSeconds(30), retryAfter);
    }

    [Fact]
    public async Task AcquireAsync_InTurnWaitWithinTheDeadline_WaitsThenGetsThePermit()
    {
        using var limiter = Create();
        limiter.Pause(Background("a:1"), TimeSpan.FromSeconds(3));

        var acquire = limiter.AcquireAsync(InTurn("a:1")).AsTask();
        Assert.False(acquire.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(3));

        using var lease = await acquire.WaitAsync(Ct.Bounded());
        Assert.True(lease.IsAcquired);
    }

    [Fact]
    public async Task AcquireAsync_BackgroundSendsBeyondTheLimit_QueueInOrderAndAllGo()
    {
        using var limiter = Create();
        var acquires = Enumerable.Range(0, 10).Select(_ => limiter.AcquireAsync(Background("a:1")).AsTask()).ToList();

        Assert.Equal(7, acquires.Count(a => a.IsCompletedSuccessfully));
        Assert.Equal(3, limiter.GetStatistics(Background("a:1"))!.CurrentQueuedCount);
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(8, acquires.Count(a => a.IsCompletedSuccessfully)); // 8 per 2 s
        _time.Advance(TimeSpan.FromSeconds(1));
        var leases = await Task.WhenAll(acquires).WaitAsync(Ct.Bounded());

        Assert.All(leases, l => Assert.True(l.IsAcquired));
        Assert.Equal(0, limiter.GetStatistics(Background("a:1"))!.CurrentQueuedCount);
    }

    [Fact]
    public async Task AcquireAsync_QueuedSendCancelled_LeavesTheQueue()
    {
        using var limiter = Create();
        using var cancel = new CancellationTokenSource();
        limiter.Pause(Background("a:1"), TimeSpan.FromMinutes(1));

        var acquire = limiter.AcquireAsync(Background("a:1"), 1, cancel.Token).AsTask();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => acquire);
        Assert.Equal(0, limiter.GetStatistics(Background("a:1"))!.CurrentQueuedCount);
    }

    [Fact]
    public void Pause_After429_HoldsTheConversationAndTheTenant()
    {
        using var limiter = Create();

        limiter.Pause(InTurn("a:1"), TimeSpan.FromSeconds(5));

        Assert.False(limiter.AttemptAcquire(InTurn("a:1")).IsAcquired);
        Assert.False(limiter.AttemptAcquire(InTurn("a:2")).IsAcquired);
        Assert.True(limiter.AttemptAcquire(InTurn("a:3", tenant: "t2")).IsAcquired);
        _time.Advance(TimeSpan.FromSeconds(5));
        Assert.True(limiter.AttemptAcquire(InTurn("a:1")).IsAcquired);
    }

    [Fact]
    public void AttemptAcquire_ThousandsOfConversationsThenAnIdleHour_StateIsSweptAway()
    {
        using var limiter = Create();
        for (var i = 0; i < 3000; i++)
        {
            limiter.AttemptAcquire(new OutboundRequest($"a:{i}", $"tenant-{i % 60}", null));
            _time.Advance(TimeSpan.FromMilliseconds(100));
        }

        var tracked = limiter.TrackedCount;
        _time.Advance(TimeSpan.FromHours(1));
        limiter.AttemptAcquire(InTurn("a:late"));

        Assert.True(tracked >= 3000, $"tracked {tracked}");
        Assert.Equal(2, limiter.TrackedCount);
    }

    [Fact]
    public void AttemptAcquire_SixtyInHalfAMinute_SixtyFirstWaitsForTheWindow()
    {
        using var limiter = Create();
        for (var i = 0; i < 60; i++)
        {
            Assert.True(limiter.AttemptAcquire(InTurn("a:1")).IsAcquired);
            _time.Advance(TimeSpan.FromMilliseconds(400));
        }

        _time.Advance(TimeSpan.FromSeconds(5)); // 29 s after the first
        var refused = limiter.AttemptAcquire(InTurn("a:1"));

        Assert.False(refused.IsAcquired);
        Assert.True(refused.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter));
        Assert.Equal(TimeSpan.FromSeconds(1), retryAfter);
    }
}
