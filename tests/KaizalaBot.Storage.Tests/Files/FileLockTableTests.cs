using KaizalaBot.Storage.Files;
using KaizalaBot.Storage.Tests.Infrastructure;
using KaizalaBot.Testing;

namespace KaizalaBot.Storage.Tests.Files;

public sealed class FileLockTableTests : IDisposable
{
    private readonly TempDirectory _root = new();

    public void Dispose() => _root.Dispose();

    [Fact]
    public async Task AcquireAsync_HeldThroughAnotherTable_WaitsForTheOsLockUntilReleased()
    {
        var first = new FileLockTable(_root.Path, TimeProvider.System);
        var second = new FileLockTable(_root.Path, TimeProvider.System);
        var held = await first.AcquireAsync("key", CancellationToken.None);

        var waiting = second.AcquireAsync("key", CancellationToken.None);
        await Task.Delay(50);
        var completedWhileHeld = waiting.IsCompleted;
        held.Dispose();
        using var acquired = await waiting.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.False(completedWhileHeld);
    }

    [Fact]
    public async Task AcquireAsync_SameTable_SerialisesCallersOfOneName()
    {
        var table = new FileLockTable(_root.Path, TimeProvider.System);
        var inside = 0;
        var maxInside = 0;

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < 20; i++)
            {
                using var held = await table.AcquireAsync("key", CancellationToken.None);
                var now = Interlocked.Increment(ref inside);
                InterlockedMax(ref maxInside, now);
                await Task.Yield();
                Interlocked.Decrement(ref inside);
            }
        })));

        Assert.Equal(1, maxInside);
    }

    [Fact]
    public async Task AcquireAsync_Cancelled_ThrowsAndLeavesLockFree()
    {
        var first = new FileLockTable(_root.Path, TimeProvider.System);
        var second = new FileLockTable(_root.Path, TimeProvider.System);
        var held = await first.AcquireAsync("key", CancellationToken.None);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => second.AcquireAsync("key", cts.Token));

        held.Dispose();
        using var again = await second.AcquireAsync("key", CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
