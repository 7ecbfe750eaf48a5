using KaizalaBot.Storage.Files;
using KaizalaBot.Testing;
using KaizalaBot.Testing.Time;

namespace KaizalaBot.Storage.Tests.Files;

public sealed class FileLockTableTests : IDisposable
{
    private readonly TempDirectory _root = new();
    private readonly TrackingFakeTimeProvider _time = new();

    public void Dispose() => _root.Dispose();

    // Two tables share nothing in-process, so only the OS lock can make the second wait: it must try, be refused and
    // schedule a retry (a pending timer on the fake clock), keep being refused while the first holds, then get in.
    [Fact]
    public async Task AcquireAsync_HeldThroughAnotherTable_WaitsForTheOsLockUntilReleased()
    {
        var first = new FileLockTable(_root.Path, _time);
        var second = new FileLockTable(_root.Path, _time);
        var held = await first.AcquireAsync("key", CancellationToken.None);

        var waiting = second.AcquireAsync("key", CancellationToken.None);
        await Task.WhenAny(waiting, _time.WaitForTimersAsync(1));
        var completedWhileHeld = waiting.IsCompleted;
        _time.Advance(TimeSpan.FromMilliseconds(1));
        await Task.WhenAny(waiting, _time.WaitForTimersAsync(1));
        var completedOnRetryWhileHeld = waiting.IsCompleted;
        held.Dispose();
        _time.Advance(TimeSpan.FromMilliseconds(20));
        using var acquired = await waiting.WithinAsync("the lock after its release");

        Assert.False(completedWhileHeld, "The second table got the lock while the first held it.");
        Assert.False(completedOnRetryWhileHeld, "The second table got the lock on a retry while the first held it.");
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
    public async Task AcquireAsync_CancelledWhileWaitingForTheOsLock_ThrowsAndLeavesLockFree()
    {
        var first = new FileLockTable(_root.Path, _time);
        var second = new FileLockTable(_root.Path, _time);
        var held = await first.AcquireAsync("key", CancellationToken.None);
        using var cancellation = new CancellationTokenSource();
        var waiting = second.AcquireAsync("key", cancellation.Token);
        await Task.WhenAny(waiting, _time.WaitForTimersAsync(1));
        Assert.False(waiting.IsCompleted, "The second table got the lock while the first held it.");

        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        held.Dispose();
        using var again = await second.AcquireAsync("key", CancellationToken.None).WithinAsync("the lock after the cancelled wait");
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
