using System.Text.Json;
using KaizalaBot.Storage.Leases;
using KaizalaBot.Testing.Time;

namespace KaizalaBot.Storage.Tests.Leases;

/// <summary>
/// What every <see cref="ILeaseManager"/> shares (MemoryLeaseManagerTests, FileLeaseManagerTests, BlobLeaseManagerTests):
/// the same accepted durations, exclusion across instances, takeover once a holder stopped renewing, and, with the
/// backend's storage, that a holder whose lease lapsed cannot overwrite the next holder's write (the ETag guards it).
/// </summary>
public abstract class LeaseManagerContractTests
{
    protected static readonly TimeSpan Duration = TimeSpan.FromSeconds(30);

    public static TheoryData<double> RefusedSeconds => new() { 0, -1, -30, 1, 14, 14.5, 15.5, 59.999, 61, 3600 };

    protected TrackingFakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 21, 20, 0, 0, TimeSpan.Zero));

    /// <summary>The documents the guarded work writes, on the same backend as the leases.</summary>
    protected abstract IStorage Storage { get; }

    /// <summary>Another manager instance (another bot instance) on the same backend.</summary>
    protected abstract ILeaseManager NewManager();

    /// <summary>The holder stops renewing (a crash, a long pause) and its lease runs out on the backend.</summary>
    private protected abstract Task LapseAsync(RenewingLease lease);

    [Fact]
    public async Task TryAcquireAsync_HeldThroughAnotherManager_ReturnsNullUntilReleased()
    {
        var first = await NewManager().TryAcquireAsync("migration-runner", Duration, CancellationToken.None);
        Assert.NotNull(first);

        var whileHeld = await NewManager().TryAcquireAsync("migration-runner", Duration, CancellationToken.None);
        await first.DisposeAsync();
        await using var afterRelease = await NewManager().TryAcquireAsync("migration-runner", Duration, CancellationToken.None);

        Assert.Null(whileHeld);
        Assert.NotNull(afterRelease);
        Assert.NotEqual(first.HolderId, afterRelease.HolderId);
    }

    [Fact]
    public async Task TryAcquireAsync_OtherName_IsIndependent()
    {
        await using var first = await NewManager().TryAcquireAsync("migration-runner", Duration, CancellationToken.None);

        await using var other = await NewManager().TryAcquireAsync("reminder-worker", Duration, CancellationToken.None);

        Assert.NotNull(first);
        Assert.NotNull(other);
    }

    [Theory]
    [MemberData(nameof(RefusedSeconds))]
    public async Task TryAcquireAsync_DurationOutsideBlobLimits_ThrowsAndTakesNothing(double seconds)
    {
        var manager = NewManager();

        var ex = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => manager.TryAcquireAsync("job", TimeSpan.FromSeconds(seconds), CancellationToken.None));

        Assert.Equal("duration", ex.ParamName);
        Assert.StartsWith("A lease lasts 15 to 60 whole seconds, or LeaseDurations.Infinite", ex.Message, StringComparison.Ordinal);
        await using var free = await NewManager().TryAcquireAsync("job", Duration, CancellationToken.None);
        Assert.NotNull(free);
    }

    [Theory]
    [InlineData(15)]
    [InlineData(30)]
    [InlineData(60)]
    public async Task TryAcquireAsync_DurationWithinBlobLimits_AcquiresAndExcludes(int seconds)
    {
        await using var lease = await NewManager().TryAcquireAsync("job", TimeSpan.FromSeconds(seconds), CancellationToken.None);
        var other = await NewManager().TryAcquireAsync("job", TimeSpan.FromSeconds(seconds), CancellationToken.None);

        Assert.NotNull(lease);
        Assert.Null(other);
    }

    [Fact]
    public async Task TryAcquireAsync_InfiniteDuration_AcquiresExcludesAndReleasesOnDispose()
    {
        var lease = await NewManager().TryAcquireAsync("job", LeaseDurations.Infinite, CancellationToken.None);
        Assert.NotNull(lease);

        var whileHeld = await NewManager().TryAcquireAsync("job", Duration, CancellationToken.None);
        await lease.DisposeAsync();
        await using var afterRelease = await NewManager().TryAcquireAsync("job", Duration, CancellationToken.None);

        Assert.Null(whileHeld);
        Assert.NotNull(afterRelease);
    }

    [Fact]
    public async Task TryAcquireAsync_HolderStoppedRenewing_TakenOverOnceLapsed()
    {
        var stalled = (RenewingLease?)await NewManager().TryAcquireAsync("job", Duration, CancellationToken.None);
        Assert.NotNull(stalled);

        await LapseAsync(stalled);
        await using var next = await NewManager().TryAcquireAsync("job", Duration, CancellationToken.None);

        Assert.NotNull(next);
        Assert.NotEqual(stalled.HolderId, next.HolderId);
    }

    // The lease only keeps two holders from working at once; the ETag is what makes a late write by a holder whose
    // lease lapsed harmless. Both halves are exercised together on each backend.
    [Fact]
    public async Task WriteAsync_HolderWhoseLeaseLapsed_CannotOverwriteTheNextHoldersWrite()
    {
        var key = $"migrations/{Guid.NewGuid():N}";
        var stalled = (RenewingLease?)await NewManager().TryAcquireAsync("migration-1", Duration, CancellationToken.None);
        Assert.NotNull(stalled);
        var staleETag = await Storage.WriteAsync(key, Doc("queued", stalled), WriteCondition.CreateOnly, CancellationToken.None);

        await LapseAsync(stalled);
        await using var next = await NewManager().TryAcquireAsync("migration-1", Duration, CancellationToken.None);
        Assert.NotNull(next);
        var read = await Storage.ReadAsync(key, CancellationToken.None);
        await Storage.WriteAsync(key, Doc("purchasing", next), WriteCondition.IfMatch(read!.ETag), CancellationToken.None);

        await Assert.ThrowsAsync<StorageConflictException>(
            () => Storage.WriteAsync(key, Doc("cancelled", stalled), WriteCondition.IfMatch(staleETag), CancellationToken.None));

        var stored = await Storage.ReadAsync(key, CancellationToken.None);
        Assert.Equal("purchasing", stored!.Content.GetProperty("state").GetString());
        Assert.Equal(next.HolderId, stored.Content.GetProperty("holder").GetString());
    }

    private static JsonElement Doc(string state, ILease holder) =>
        JsonSerializer.SerializeToElement(new { state, holder = holder.HolderId });
}
