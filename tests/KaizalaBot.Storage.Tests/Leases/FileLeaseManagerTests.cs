using KaizalaBot.Storage.Files;
using KaizalaBot.Storage.Leases;
using KaizalaBot.Storage.Tests.Infrastructure;
using KaizalaBot.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace KaizalaBot.Storage.Tests.Leases;

public sealed class FileLeaseManagerTests : LocalClockLeaseManagerTests, IDisposable
{
    private readonly TempDirectory _root = new();
    private readonly FileStorage _storage;

    public FileLeaseManagerTests()
    {
        _storage = new FileStorage(_root.Path, Time);
    }

    protected override IStorage Storage => _storage;

    public void Dispose() => _root.Dispose();

    // A killed holder leaves its lease file behind; once the expiry written in it has passed (by this machine's clock,
    // here a fake one set just past it), the next process takes over. No real waiting.
    [Fact]
    public async Task TryAcquireAsync_HolderProcessKilled_TakenOverAfterExpiry()
    {
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        var leases = new FileLeaseManager(_root.Path, clock, NullLogger<FileLeaseManager>.Instance);
        using var holder = HelperProcess.Start("hold-lease", _root.Path, "reminder-worker", "15");
        var firstLine = await holder.StandardOutput.ReadLineAsync().WithinAsync("the helper to acquire the lease", TimeSpan.FromSeconds(60));
        Assert.StartsWith("acquired", firstLine, StringComparison.Ordinal);

        var whileAlive = await leases.TryAcquireAsync("reminder-worker", TimeSpan.FromSeconds(15), CancellationToken.None);
        holder.Kill(entireProcessTree: true);
        await holder.WaitForExitAsync();
        // Its last renewal came before the kill, so the expiry it wrote is at most 15 s after the kill.
        clock.SetUtcNow(TimeProvider.System.GetUtcNow() + TimeSpan.FromSeconds(15));
        await using var takenOver = await leases.TryAcquireAsync("reminder-worker", TimeSpan.FromSeconds(15), CancellationToken.None);

        Assert.Null(whileAlive);
        Assert.NotNull(takenOver);
    }

    protected override ILeaseManager NewManager() => new FileLeaseManager(_root.Path, Time, NullLogger<FileLeaseManager>.Instance);
}
