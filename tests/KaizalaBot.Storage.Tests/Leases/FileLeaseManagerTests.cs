using KaizalaBot.Storage.Leases;
using KaizalaBot.Storage.Tests.Infrastructure;
using KaizalaBot.Testing;
using KaizalaBot.Testing.Time;
using Microsoft.Extensions.Logging.Abstractions;

namespace KaizalaBot.Storage.Tests.Leases;

public sealed class FileLeaseManagerTests : IDisposable
{
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(30);
    private readonly TempDirectory _root = new();
    private readonly TrackingFakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 21, 20, 0, 0, TimeSpan.Zero));

    public void Dispose() => _root.Dispose();

    [Fact]
    public async Task TryAcquireAsync_HeldThroughAnotherManagerOnSameRoot_ReturnsNull()
    {
        await using var first = await NewManager().TryAcquireAsync("migration-runner", Duration, CancellationToken.None);

        var second = await NewManager().TryAcquireAsync("migration-runner", Duration, CancellationToken.None);

        Assert.NotNull(first);
        Assert.Null(second);
    }

    [Fact]
    public async Task DisposeAsync_Held_LetsNextHolderAcquire()
    {
        var first = await NewManager().TryAcquireAsync("job", Duration, CancellationToken.None);
        Assert.NotNull(first);

        await first.DisposeAsync();
        await using var second = await NewManager().TryAcquireAsync("job", Duration, CancellationToken.None);

        Assert.NotNull(second);
    }

    [Fact]
    public async Task TryAcquireAsync_HolderDied_RefusedUntilExpiryThenTakenOver()
    {
        var dead = (RenewingLease?)await NewManager().TryAcquireAsync("job", Duration, CancellationToken.None);
        Assert.NotNull(dead);
        await dead.AbandonAsync();

        _time.Advance(TimeSpan.FromSeconds(29));
        var beforeExpiry = await NewManager().TryAcquireAsync("job", Duration, CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(1));
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
            await _time.WaitForTimersAsync(1);
            _time.Advance(TimeSpan.FromSeconds(10));
        }

        await _time.WaitForTimersAsync(1);
        var other = await NewManager().TryAcquireAsync("job", Duration, CancellationToken.None);

        Assert.Null(other);
        Assert.False(holder.LeaseLost.IsCancellationRequested);
    }

    [Fact]
    public async Task TryAcquireAsync_HolderProcessKilled_TakenOverAfterExpiry()
    {
        var leases = new FileLeaseManager(_root.Path, TimeProvider.System, NullLogger<FileLeaseManager>.Instance);
        // Five seconds leaves the live holder room to renew on a loaded machine; the takeover waits for expiry.
        using var holder = HelperProcess.Start("hold-lease", _root.Path, "reminder-worker", "5");
        var firstLine = await holder.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
        Assert.StartsWith("acquired", firstLine, StringComparison.Ordinal);

        var whileAlive = await leases.TryAcquireAsync("reminder-worker", TimeSpan.FromSeconds(2), CancellationToken.None);
        holder.Kill(entireProcessTree: true);
        await holder.WaitForExitAsync();
        ILease? takenOver = null;
        for (var i = 0; i < 300 && takenOver is null; i++)
        {
            await Task.Delay(100);
            takenOver = await leases.TryAcquireAsync("reminder-worker", TimeSpan.FromSeconds(2), CancellationToken.None);
        }

        Assert.Null(whileAlive);
        Assert.NotNull(takenOver);
        await takenOver.DisposeAsync();
    }

    private FileLeaseManager NewManager() => new(_root.Path, _time, NullLogger<FileLeaseManager>.Instance);
}
