using KaizalaBot.Migration.Jobs;
using KaizalaBot.Migration.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace KaizalaBot.Migration.Tests;

/// <summary>
/// A run that pauses on an unwell Partner Center tells the runner whether it got anywhere: only a run that saved nothing
/// asks for the runner's back-off, so a migration that keeps moving between faults is never slowed down.
/// </summary>
public sealed class PausedRunTests
{
    [Fact]
    public async Task RunAsync_PartnerCenterUnavailable_FirstRunProgressesThenTheNextPausesWithoutProgress()
    {
        await using var harness = await MigrationHarness.StartAsync();
        var id = await QueuedWithPartnerCenterDownAsync(harness);
        var executor = harness.Primary.GetRequiredService<MigrationExecutor>();
        var store = harness.Primary.GetRequiredService<MigrationStore>();

        // Queued: the run records that it starts purchasing, then Partner Center fails it.
        var first = await executor.RunAsync(id, "runner-a", CancellationToken.None);
        var afterFirst = (await store.ReadAsync(id, CancellationToken.None))!;

        // Purchasing: Partner Center fails the first call, before anything is saved.
        var second = await executor.RunAsync(id, "runner-a", CancellationToken.None);
        var afterSecond = (await store.ReadAsync(id, CancellationToken.None))!;

        Assert.Equal(MigrationRunEnd.Ended, first);
        Assert.Equal(MigrationState.Purchasing, afterFirst.Value.State);
        Assert.Equal(MigrationRunEnd.PausedWithoutProgress, second);
        Assert.Equal(MigrationState.Purchasing, afterSecond.Value.State);
        Assert.Contains(id, await ToListAsync(store.ListRunnableAsync(CancellationToken.None)));
    }

    [Fact]
    public async Task Poll_RunPausedWithoutProgress_IsTriedAgainAfterTheBackoffNotAtTheNextPoll()
    {
        await using var harness = await MigrationHarness.StartAsync();
        await QueuedWithPartnerCenterDownAsync(harness);

        // A clock of its own, moved only here (the harness's is pumped forward all the time).
        var clock = new FakeTimeProvider(MigrationHarness.Start);
        var runner = ActivatorUtilities.CreateInstance<MigrationRunner>(harness.Primary, clock);

        Assert.Equal(1, await PollAndWaitAsync(runner));   // progressed (queued to purchasing), then paused
        Assert.Equal(1, await PollAndWaitAsync(runner));   // paused without progress: back-off starts
        Assert.Equal(0, await PollAndWaitAsync(runner));
        clock.Advance(TimeSpan.FromSeconds(5) - TimeSpan.FromMilliseconds(1));
        Assert.Equal(0, await PollAndWaitAsync(runner));
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, await PollAndWaitAsync(runner));   // paused without progress again: the delay doubles
        clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(0, await PollAndWaitAsync(runner));
        clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(1, await PollAndWaitAsync(runner));
    }

    // Step C saved its start at every run, which counted as progress: an outage there was retried at every poll.
    [Fact]
    public async Task Poll_PartnerCenterUnavailableInStepC_RunPausesWithoutProgressAndBacksOff()
    {
        await using var harness = await MigrationHarness.StartAsync();
        var source = (await harness.ActiveKaizalaAsync()).Where(s => s.AssignedUsers >= 3).MinBy(s => s.AssignedUsers)!;
        var draft = await harness.DraftAsync(source, "m365-business-basic", maxUsers: 3);
        var id = (await harness.Service.ConfirmAsync(draft, CancellationToken.None)).Migration!.Id;
        await harness.SetFaultRulesAsync(MigrationHarness.Always("subscriptions.get", "serviceUnavailable"));
        var clock = new FakeTimeProvider(MigrationHarness.Start);
        var runner = ActivatorUtilities.CreateInstance<MigrationRunner>(harness.Primary, clock);

        Assert.Equal(1, await PollAndWaitAsync(runner));   // A, provisioning and B done, then paused in C
        Assert.Equal(MigrationState.Suspending, (await harness.Service.GetAsync(id, CancellationToken.None))!.State);
        Assert.Equal(1, await PollAndWaitAsync(runner));   // paused in C without progress: back-off starts

        Assert.Equal(0, await PollAndWaitAsync(runner));
    }

    /// <summary>A small migration confirmed (queued), then every Partner Center call answered 503.</summary>
    private static async Task<string> QueuedWithPartnerCenterDownAsync(MigrationHarness harness)
    {
        var source = (await harness.ActiveKaizalaAsync()).Where(s => s.AssignedUsers >= 3).MinBy(s => s.AssignedUsers)!;
        var draft = await harness.DraftAsync(source, "m365-business-basic", maxUsers: 3);
        var id = (await harness.Service.ConfirmAsync(draft, CancellationToken.None)).Migration!.Id;
        await harness.SetFaultRulesAsync(MigrationHarness.Always("*", "serviceUnavailable"));
        return id;
    }

    private static async Task<int> PollAndWaitAsync(MigrationRunner runner)
    {
        var started = await runner.PollOnceAsync(CancellationToken.None);
        await runner.WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(30));
        return started;
    }

    private static async Task<List<string>> ToListAsync(IAsyncEnumerable<string> items)
    {
        var list = new List<string>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }
}
