using KaizalaBot.Migration.Tests.Infrastructure;
using KaizalaBot.Storage.Memory;
using KaizalaBot.Testing;

namespace KaizalaBot.Migration.Tests;

/// <summary>The runner stops cleanly whenever the host stops it, also in the middle of a poll.</summary>
public sealed class RunnerStopTests
{
    [Fact]
    public async Task RunAsync_StoppedWhileItsPollListsTheStore_EndsWithoutThrowing()
    {
        BlockingListingStorage? storage = null;
        await using var harness = await MigrationHarness.StartAsync(storage: _ => storage = new BlockingListingStorage(new MemoryStorage(), "migration-runnable/"));
        using var stop = new CancellationTokenSource();
        var runner = MigrationHarness.Runner(harness.NewInstance()).RunAsync(stop.Token);
        await storage!.Entered.WithinAsync("the runner's poll to list the runnable migrations");

        await stop.CancelAsync();

        await runner.WithinAsync("the runner to stop");
        Assert.True(runner.IsCompletedSuccessfully);
    }
}
