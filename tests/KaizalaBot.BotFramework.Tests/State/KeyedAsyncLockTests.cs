using KaizalaBot.BotFramework.State;
using KaizalaBot.BotFramework.Tests.Testing;

namespace KaizalaBot.BotFramework.Tests.State;

public sealed class KeyedAsyncLockTests
{
    [Fact]
    public async Task AcquireAsync_SameKeyHeld_SecondWaitsUntilReleased()
    {
        var locks = new KeyedAsyncLock();
        var first = await locks.AcquireAsync("conv", Ct.Bounded());

        var second = locks.AcquireAsync("conv", Ct.Bounded());
        var waitedWhileHeld = !second.IsCompleted;
        first.Dispose();
        (await second).Dispose();

        Assert.True(waitedWhileHeld);
        Assert.Equal(0, locks.Count);
    }

    [Fact]
    public async Task AcquireAsync_OtherKeyHeld_DoesNotWait()
    {
        var locks = new KeyedAsyncLock();
        using var first = await locks.AcquireAsync("conv-1", Ct.Bounded());

        var second = locks.AcquireAsync("conv-2", Ct.Bounded());

        Assert.True(second.IsCompletedSuccessfully);
        (await second).Dispose();
    }

    [Fact]
    public async Task AcquireAsync_CancelledWhileWaiting_ThrowsAndLeavesNoEntry()
    {
        var locks = new KeyedAsyncLock();
        var first = await locks.AcquireAsync("conv", Ct.Bounded());
        using var cancellation = new CancellationTokenSource();

        var waiting = locks.AcquireAsync("conv", cancellation.Token);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        first.Dispose();
        Assert.Equal(0, locks.Count);
    }
}
