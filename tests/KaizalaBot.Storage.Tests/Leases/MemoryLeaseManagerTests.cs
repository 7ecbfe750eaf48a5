using KaizalaBot.Storage.Leases;
using KaizalaBot.Testing.Time;
using Microsoft.Extensions.Logging.Abstractions;

namespace KaizalaBot.Storage.Tests.Leases;

public sealed class MemoryLeaseManagerTests
{
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(30);
    private readonly TrackingFakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 21, 20, 0, 0, TimeSpan.Zero));
    private readonly MemoryLeaseManager _leases;

    public MemoryLeaseManagerTests()
    {
        _leases = new MemoryLeaseManager(_time, NullLogger<MemoryLeaseManager>.Instance);
    }

    [Fact]
    public async Task TryAcquireAsync_AlreadyHeld_ReturnsNull()
    {
        await using var first = await _leases.TryAcquireAsync("migration-runner", Duration, CancellationToken.None);

        var second = await _leases.TryAcquireAsync("migration-runner", Duration, CancellationToken.None);

        Assert.NotNull(first);
        Assert.Null(second);
    }

    [Fact]
    public async Task TryAcquireAsync_OtherName_IsIndependent()
    {
        await using var first = await _leases.TryAcquireAsync("migration-runner", Duration, CancellationToken.None);

        await using var other = await _leases.TryAcquireAsync("reminder-worker", Duration, CancellationToken.None);

        Assert.NotNull(other);
    }

    [Fact]
    public async Task DisposeAsync_Held_LetsNextHolderAcquire()
    {
        var first = await _leases.TryAcquireAsync("job", Duration, CancellationToken.None);
        Assert.NotNull(first);

        await first.DisposeAsync();
        await using var second = await _leases.TryAcquireAsync("job", Duration, CancellationToken.None);

        Assert.NotNull(second);
        Assert.NotEqual(first.HolderId, second.HolderId);
    }

    [Fact]
    public async Task TryAcquireAsync_HolderDied_RefusedUntilExpiryThenTakenOver()
    {
        var dead = (RenewingLease?)await _leases.TryAcquireAsync("job", Duration, CancellationToken.None);
        Assert.NotNull(dead);
        await dead.AbandonAsync();

        _time.Advance(TimeSpan.FromSeconds(29));
        var beforeExpiry = await _leases.TryAcquireAsync("job", Duration, CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(1));
        await using var afterExpiry = await _leases.TryAcquireAsync("job", Duration, CancellationToken.None);

        Assert.Null(beforeExpiry);
        Assert.NotNull(afterExpiry);
    }

    [Fact]
    public async Task Renewal_HolderAlive_KeepsLeaseWellPastItsDuration()
    {
        await using var holder = await _leases.TryAcquireAsync("job", Duration, CancellationToken.None);
        Assert.NotNull(holder);

        for (var i = 0; i < 9; i++)
        {
            await _time.WaitForTimersAsync(1);
            _time.Advance(TimeSpan.FromSeconds(10));
        }

        await _time.WaitForTimersAsync(1);
        var other = await _leases.TryAcquireAsync("job", Duration, CancellationToken.None);

        Assert.Null(other);
        Assert.False(holder.LeaseLost.IsCancellationRequested);
    }
}
