using KaizalaBot.Migration.Jobs;
using KaizalaBot.Migration.Planning;
using KaizalaBot.Migration.Tests.Infrastructure;
using KaizalaBot.Storage.Leases;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KaizalaBot.Migration.Tests;

/// <summary>Whole migrations against the simulator over HTTP: A, provisioning, B, C and verification, exactly once.</summary>
public sealed class MigrationRunnerTests
{
    [Theory]
    [InlineData("commercial", "m365-business-basic", "3b555118-da6a-4418-894f-7df1e2096870")]
    [InlineData("commercial", "m365-f3", "66b55226-6b4f-492c-910c-a3b7a3c9d993")]
    [InlineData("commercial", "o365-e3", "6fd2c87f-b296-42f0-b197-1e91e994b900")]
    [InlineData("education", "m365-a1", "5eed0000-0000-4000-8000-0000000000a1")]
    public async Task Run_EachPlanFamily_BuysOnceMovesEveryUserSuspendsOnce(string segment, string planId, string skuId)
    {
        await using var harness = await MigrationHarness.StartAsync();
        var source = (await harness.ActiveKaizalaAsync(segment)).MinBy(s => s.AssignedUsers)!;
        var draft = await harness.DraftAsync(source, planId, maxUsers: 6);

        var confirmed = await harness.Service.ConfirmAsync(draft, CancellationToken.None);
        var done = await harness.RunToRestAsync(MigrationHarness.Runner(harness.Primary), confirmed.Migration!.Id);

        Assert.Equal(MigrationState.Completed, done.State);
        await ExactlyOnce.AssertBoughtOnceAsync(harness, done, draft, skuId);
        Assert.Equal(done.Suspension.SuspendedAt!.Value.AddDays(120), done.Suspension.DeprovisionOn);
        Assert.Contains(harness.Notifier.Finished, m => m.Id == done.Id && m.State == MigrationState.Completed);
    }

    [Fact]
    public async Task Run_RunnerStoppedInTheMiddleOfB_NewInstanceFinishesWithoutRepeatingAnything()
    {
        await using var harness = await MigrationHarness.StartAsync();
        var source = (await harness.ActiveKaizalaAsync()).Where(s => s.AssignedUsers >= 20).MinBy(s => s.AssignedUsers)!;
        var draft = await harness.DraftAsync(source, "m365-business-basic", maxUsers: 12);
        var id = (await harness.Service.ConfirmAsync(draft, CancellationToken.None)).Migration!.Id;

        // First instance: stopped (its token cancelled) as soon as some users have been moved.
        var first = harness.NewInstance();
        using var crash = new CancellationTokenSource();
        var run = MigrationHarness.Runner(first).RunAsync(crash.Token);
        await Eventually.TrueAsync(async () => (await harness.Service.GetUserOutcomesAsync(id, CancellationToken.None)).Count >= 3, "some users moved");
        await crash.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(30));
        var interrupted = await harness.Service.GetAsync(id, CancellationToken.None);
        Assert.True(interrupted!.State.IsRunnable(), $"stopped in {interrupted.State}");

        var done = await harness.RunToRestAsync(MigrationHarness.Runner(harness.NewInstance()), id);

        Assert.Equal(MigrationState.Completed, done.State);
        await ExactlyOnce.AssertBoughtOnceAsync(harness, done, draft, "3b555118-da6a-4418-894f-7df1e2096870");
    }

    // Crash run 45: a lease lost in a storage outage whose disposal then failed (the Blob SDK's AggregateException) ended
    // the run without the runner forgetting it: the migration stayed in its list of running ones, never polled again while
    // the bot ran. The run's end must free the migration whatever its lease does, so the next poll drives it.
    [Fact]
    public async Task Run_LeaseLostAndItsDisposalFails_NextPollDrivesTheMigrationToTheEnd()
    {
        LeaseLostInOutage? leases = null;
        await using var harness = await MigrationHarness.StartAsync(
            leases: services => leases ??= new LeaseLostInOutage(new MemoryLeaseManager(
                services.GetRequiredService<TimeProvider>(), services.GetRequiredService<ILogger<MemoryLeaseManager>>())));
        var source = (await harness.ActiveKaizalaAsync()).MinBy(s => s.AssignedUsers)!;
        var draft = await harness.DraftAsync(source, "m365-business-basic", maxUsers: 2);
        var id = (await harness.Service.ConfirmAsync(draft, CancellationToken.None)).Migration!.Id;

        var done = await harness.RunToRestAsync(MigrationHarness.Runner(harness.Primary), id, TimeSpan.FromSeconds(30));

        Assert.Equal(MigrationState.Completed, done.State);
        Assert.Equal(1, leases!.FailedDisposals);
        await ExactlyOnce.AssertBoughtOnceAsync(harness, done, draft, "3b555118-da6a-4418-894f-7df1e2096870");
        var logged = Assert.Single(harness.Logs.GetSnapshot(), r => r.Message == $"Releasing the lease of migration {id} failed; it expires by itself");
        Assert.IsType<AggregateException>(logged.Exception);
    }

    [Fact]
    public async Task Confirm_SecondMigrationForTheSameSubscription_IsRefusedByTheStore()
    {
        await using var harness = await MigrationHarness.StartAsync();
        var source = (await harness.ActiveKaizalaAsync()).MinBy(s => s.AssignedUsers)!;
        var draft = await harness.DraftAsync(source, "m365-business-basic", maxUsers: 2);

        var results = await Task.WhenAll(
            harness.Service.ConfirmAsync(draft, CancellationToken.None), harness.Service.ConfirmAsync(draft, CancellationToken.None));

        Assert.Single(results, r => r.Status == CommandStatus.Done);
        Assert.Single(results, r => r.Status == CommandStatus.AlreadyActive);
    }
}
