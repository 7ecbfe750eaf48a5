using KaizalaBot.Storage.Leases;

namespace KaizalaBot.Storage.Tests.Leases;

/// <summary>
/// The lease managers whose expiry follows our own <see cref="TimeProvider"/> (memory, file): expiry and renewal are
/// tested to the second in virtual time. Blob leases expire on the service's clock instead.
/// </summary>
public abstract class LocalClockLeaseManagerTests : LeaseManagerContractTests
{
    [Fact]
    public async Task TryAcquireAsync_HolderDied_RefusedUntilExpiryThenTakenOver()
    {
        var dead = (RenewingLease?)await NewManager().TryAcquireAsync("job", Duration, CancellationToken.None);
        Assert.NotNull(dead);
        await dead.AbandonAsync();

        Time.Advance(Duration - TimeSpan.FromSeconds(1));
        var beforeExpiry = await NewManager().TryAcquireAsync("job", Duration, CancellationToken.None);
        Time.Advance(TimeSpan.FromSeconds(1));
        await using var afterExpiry = await NewManager().TryAcquireAsync("job", Duration, CancellationToken.None);

        Assert.Null(beforeExpiry);
        Assert.NotNull(afterExpiry);
    }

    [Fact]
    public async Task Renewal_HolderAlive_KeepsLeaseWellPastItsDuration()
    {
        await using var holder = await NewManager().TryAcquireAsync("job", Duration, CancellationToken.None);
        Assert.NotNull(holder);

        for (var i = 0; i < 9; i++)
        {
            await Time.WaitForTimersAsync(1);
            Time.Advance(Duration / 3);
        }

        await Time.WaitForTimersAsync(1);
        var other = await NewManager().TryAcquireAsync("job", Duration, CancellationToken.None);

        Assert.Null(other);
        Assert.False(holder.LeaseLost.IsCancellationRequested);
    }

    [Fact]
    public async Task TryAcquireAsync_InfiniteLeaseOfDeadHolder_NeverLapsesByItself()
    {
        var dead = (RenewingLease?)await NewManager().TryAcquireAsync("job", LeaseDurations.Infinite, CancellationToken.None);
        Assert.NotNull(dead);
        await dead.AbandonAsync();

        Time.Advance(TimeSpan.FromDays(365));
        var other = await NewManager().TryAcquireAsync("job", Duration, CancellationToken.None);

        Assert.Null(other);
    }

    private protected override async Task LapseAsync(RenewingLease lease)
    {
        await lease.AbandonAsync();
        Time.Advance(Duration);
    }
}
