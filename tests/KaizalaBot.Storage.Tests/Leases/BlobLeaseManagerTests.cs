using KaizalaBot.Storage.Blobs;
using KaizalaBot.Storage.Leases;
using KaizalaBot.Storage.Tests.Infrastructure;
using KaizalaBot.Testing.Azurite;
using Microsoft.Extensions.Logging.Abstractions;

namespace KaizalaBot.Storage.Tests.Leases;

[Collection(AzuriteGroup.Name)]
public sealed class BlobLeaseManagerTests(AzuriteFixture azurite)
{
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(15);
    private readonly BlobContainerClient _container = azurite.NewContainer();

    [Fact]
    public async Task TryAcquireAsync_HeldByOtherInstance_ReturnsNullUntilReleased()
    {
        var first = await NewManager().TryAcquireAsync("migration-runner", Duration, CancellationToken.None);
        Assert.NotNull(first);

        var whileHeld = await NewManager().TryAcquireAsync("migration-runner", Duration, CancellationToken.None);
        await first.DisposeAsync();
        await using var afterRelease = await NewManager().TryAcquireAsync("migration-runner", Duration, CancellationToken.None);

        Assert.Null(whileHeld);
        Assert.NotNull(afterRelease);
    }

    [Theory]
    [InlineData(14)]
    [InlineData(61)]
    public async Task TryAcquireAsync_DurationOutsideBlobLimits_ThrowsArgumentOutOfRange(int seconds)
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => NewManager().TryAcquireAsync("job", TimeSpan.FromSeconds(seconds), CancellationToken.None));
    }

    // The only expiry test against Azurite (its shortest lease is 15 s): a renewing holder keeps its lease past 15 s,
    // a dead holder's lease is taken over, and a holder whose lease was broken sees LeaseLost.
    [Fact]
    public async Task Leases_AfterServiceExpiry_LiveHolderKeepsDeadHolderLosesBrokenHolderIsTold()
    {
        var manager = NewManager();
        await using var alive = await manager.TryAcquireAsync("alive", Duration, CancellationToken.None);
        var dead = (RenewingLease?)await manager.TryAcquireAsync("dead", Duration, CancellationToken.None);
        await using var broken = await manager.TryAcquireAsync("broken", Duration, CancellationToken.None);
        Assert.NotNull(alive);
        Assert.NotNull(dead);
        Assert.NotNull(broken);
        await dead.AbandonAsync();
        await _container.BreakLeaseAsync(BlobLeaseManager.BlobNameOf("broken"), TimeSpan.Zero, CancellationToken.None);
        await using var breaker = await NewManager().TryAcquireAsync("broken", Duration, CancellationToken.None);

        await Task.Delay(Duration + TimeSpan.FromSeconds(1.5));

        var other = NewManager();
        var aliveTaken = await other.TryAcquireAsync("alive", Duration, CancellationToken.None);
        await using var deadTaken = await other.TryAcquireAsync("dead", Duration, CancellationToken.None);
        Assert.NotNull(breaker);
        Assert.Null(aliveTaken);
        Assert.False(alive.LeaseLost.IsCancellationRequested);
        Assert.NotNull(deadTaken);
        Assert.True(broken.LeaseLost.IsCancellationRequested);
    }

    private BlobLeaseManager NewManager() => new(_container, TimeProvider.System, NullLogger<BlobLeaseManager>.Instance);
}
