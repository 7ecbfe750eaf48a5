using KaizalaBot.Storage.Leases;
using KaizalaBot.Testing;
using KaizalaBot.Testing.Time;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Testing;

namespace KaizalaBot.Storage.Tests.Leases;

public sealed class RenewingLeaseTests
{
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(30);
    private readonly TrackingFakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 21, 20, 0, 0, TimeSpan.Zero));
    private readonly FakeLeaseStore _store = new();
    private readonly FakeLogger _logger = new();

    [Fact]
    public async Task TryAcquireAsync_StoreRefuses_ReturnsNull()
    {
        _store.AcquireResult = false;

        var lease = await AcquireAsync();

        Assert.Null(lease);
    }

    [Fact]
    public async Task Renewal_EveryThirdOfDuration_RenewsAndKeepsLease()
    {
        var lease = await AcquireAsync();
        Assert.NotNull(lease);

        for (var expected = 1; expected <= 4; expected++)
        {
            await _time.WaitForTimersAsync(1);
            _time.Advance(TimeSpan.FromSeconds(10));
            await _store.NextRenewalAsync();
            Assert.Equal(expected, _store.RenewCalls);
        }

        Assert.False(lease.LeaseLost.IsCancellationRequested);
        await lease.DisposeAsync();
    }

    [Fact]
    public async Task Renewal_NotAdvancedToAThird_DoesNotRenew()
    {
        var lease = await AcquireAsync();
        Assert.NotNull(lease);

        _time.Advance(TimeSpan.FromSeconds(9));

        Assert.Equal(0, _store.RenewCalls);
        await lease.DisposeAsync();
    }

    [Fact]
    public async Task Renewal_RefusedByStore_FiresLeaseLost()
    {
        _store.Renew = () => false;
        var lease = await AcquireAsync();
        Assert.NotNull(lease);

        _time.Advance(TimeSpan.FromSeconds(10));

        await lease.LeaseLost.UntilCancelledAsync("LeaseLost");
        await lease.DisposeAsync();
        Assert.Equal(0, _store.ReleaseCalls);
    }

    [Fact]
    public async Task Renewal_RefusedAndLeaseLostCallbackThrows_DisposeStillReturns()
    {
        _store.Renew = () => false;
        var lease = await AcquireAsync();
        Assert.NotNull(lease);
        using var registration = lease.LeaseLost.Register(() => throw new InvalidOperationException("holder bug"));

        _time.Advance(TimeSpan.FromSeconds(10));
        await lease.LeaseLost.UntilCancelledAsync("LeaseLost");

        await lease.DisposeAsync();
        Assert.Equal(1, _store.RenewCalls);
        var logged = Assert.Single(_logger.Collector.GetSnapshot(), r => r.Level == LogLevel.Error);
        Assert.Equal("A LeaseLost callback of lease job threw", logged.Message);
        Assert.IsType<AggregateException>(logged.Exception);
    }

    [Fact]
    public async Task Renewal_TransientFailures_KeepLeaseUntilExpiryThenFireLeaseLost()
    {
        _store.Renew = () => throw new IOException("disk busy");
        var lease = await AcquireAsync();
        Assert.NotNull(lease);

        for (var attempt = 1; attempt <= 2; attempt++)
        {
            await _time.WaitForTimersAsync(1);
            _time.Advance(TimeSpan.FromSeconds(10));
            await _store.NextRenewalAsync();
            await _time.WaitForTimersAsync(1);
            Assert.Equal(attempt, _store.RenewCalls);
            Assert.False(lease.LeaseLost.IsCancellationRequested);
        }

        _time.Advance(TimeSpan.FromSeconds(10));

        await lease.LeaseLost.UntilCancelledAsync("LeaseLost at expiry");
        await lease.DisposeAsync();
    }

    [Fact]
    public async Task Renewal_UnexpectedFailure_FiresLeaseLostAtOnceAndDisposeReturns()
    {
        _store.Renew = () => throw new InvalidOperationException("a bug in the store");
        var lease = await AcquireAsync();
        Assert.NotNull(lease);

        await _time.WaitForTimersAsync(1);
        _time.Advance(TimeSpan.FromSeconds(10));

        await lease.LeaseLost.UntilCancelledAsync("LeaseLost after an unexpected renewal failure");
        await lease.DisposeAsync();
        Assert.Equal(0, _store.ReleaseCalls);
        var logged = Assert.Single(_logger.Collector.GetSnapshot(), r => r.Message == "Lease job lost: a renewal failed unexpectedly");
        Assert.IsType<InvalidOperationException>(logged.Exception);
    }

    [Fact]
    public async Task DisposeAsync_HeldLease_ReleasesAndFiresLeaseLost()
    {
        var lease = await AcquireAsync();
        Assert.NotNull(lease);

        await lease.DisposeAsync();

        Assert.Equal(1, _store.ReleaseCalls);
        Assert.True(lease.LeaseLost.IsCancellationRequested);
        Assert.Equal(0, _time.PendingTimerCount);
    }

    [Fact]
    public async Task DisposeAsync_ReleaseFails_DoesNotThrowBecauseLeaseExpiresAnyway()
    {
        _store.ReleaseFailure = new IOException("disk gone");
        var lease = await AcquireAsync();
        Assert.NotNull(lease);

        await lease.DisposeAsync();

        Assert.Equal(1, _store.ReleaseCalls);
        Assert.True(lease.LeaseLost.IsCancellationRequested);
    }

    [Fact]
    public async Task TryAcquireAsync_ZeroDuration_ThrowsArgumentOutOfRange()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => RenewingLease.TryAcquireAsync(_store, "job", TimeSpan.Zero, _time, NullLogger.Instance, CancellationToken.None));
    }

    private Task<ILease?> AcquireAsync() =>
        RenewingLease.TryAcquireAsync(_store, "job", Duration, _time, _logger, CancellationToken.None);
}
