using KaizalaBot.Migration.Jobs;
using KaizalaBot.Migration.Tests.Infrastructure;
using KaizalaBot.Testing;

namespace KaizalaBot.Migration.Tests;

/// <summary>
/// A runner stopped at every step boundary (and where it matters after Partner Center did the work but before its
/// answer arrived), then a new runner on the same store: one subscription bought, every selected user on the new
/// licence and off Kaizala Pro, Kaizala Pro suspended by one PATCH, the audit complete.
/// </summary>
public sealed class CrashRecoveryTests
{
    [Theory]
    [MemberData(nameof(Boundaries))]
    public async Task Run_StoppedAtABoundary_NewRunnerFinishesExactlyOnce(string boundaryName)
    {
        var boundary = CrashBoundaries.Named(boundaryName);
        await using var harness = await MigrationHarness.StartAsync(engineSettings: new Dictionary<string, string?>(boundary.EngineSettings));
        var source = (await harness.ActiveKaizalaAsync()).Where(s => s.AssignedUsers >= 6).MinBy(s => s.AssignedUsers)!;
        var draft = await harness.DraftAsync(source, "m365-business-basic", maxUsers: 5);
        var id = (await harness.Service.ConfirmAsync(draft, CancellationToken.None)).Migration!.Id;
        var scene = new CrashScene(harness, draft, id);
        await harness.SetFaultRulesAsync(boundary.Rules);
        harness.Requests.Clear();

        using var crash = new CancellationTokenSource();
        var first = MigrationHarness.Runner(harness.NewInstance()).RunAsync(crash.Token);
        await boundary.ReachedAsync(scene);
        await crash.CancelAsync();
        await first.WithinAsync("the first runner to stop");

        boundary.AssertStoppedThere(await scene.RecordAsync(), await scene.TenantAsync(), await scene.OutcomesAsync());

        await harness.SetFaultRulesAsync();
        var done = await harness.RunToRestAsync(MigrationHarness.Runner(harness.NewInstance()), id);

        Assert.Equal(MigrationState.Completed, done.State);
        await ExactlyOnce.AssertBoughtOnceAsync(harness, done, draft, CrashBoundaries.TargetSkuId);
        if (boundary.ExpectedFinding is { } finding)
        {
            Assert.Contains(await harness.Audit.ReadAsync(id, CancellationToken.None), e => e.Operation == finding);
        }
    }

    public static TheoryData<string> Boundaries => CrashBoundaries.Names;
}
