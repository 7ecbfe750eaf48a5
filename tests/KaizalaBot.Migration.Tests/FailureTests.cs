using KaizalaBot.Migration.Jobs;
using KaizalaBot.Migration.Planning;
using KaizalaBot.Migration.Tests.Infrastructure;

namespace KaizalaBot.Migration.Tests;

/// <summary>Per-user failures with their reasons, retry and remainder; injected faults and throttling.</summary>
public sealed class FailureTests
{
    [Fact]
    public async Task Run_UserWithoutUsageLocation_FailsWithReason_RetryOnlyThatUser_ThenAcceptRemainder()
    {
        await using var harness = await MigrationHarness.StartAsync();
        var source = (await harness.ActiveKaizalaAsync()).Where(s => s.AssignedUsers >= 5).MinBy(s => s.AssignedUsers)!;
        var holders = await harness.Planner.GetKaizalaUsersAsync(source.CustomerId, CancellationToken.None);
        var unlicensable = holders.First(u => u.UsageLocation is null);
        var fine = holders.Where(u => u.UsageLocation is not null).Take(3).ToList();
        var draft = new MigrationDraft
        {
            Seller = Sellers.French, CustomerId = source.CustomerId, SourceSubscriptionId = source.SubscriptionId, PlanId = "m365-business-basic",
            LicenceCount = 4, Users = [.. fine.Append(unlicensable).Select(u => new MigrationUser(u.Id, u.UserPrincipalName, u.DisplayName))],
        };
        var id = (await harness.Service.ConfirmAsync(draft, CancellationToken.None)).Migration!.Id;
        var runner = MigrationHarness.Runner(harness.Primary);

        var stuck = await harness.RunToRestAsync(runner, id);
        var outcomes = await harness.Service.GetUserOutcomesAsync(id, CancellationToken.None);

        Assert.Equal(MigrationState.NeedsAttention, stuck.State);
        Assert.Equal(MessageCodes.AttentionUsersFailed, stuck.Attention!.Code);
        var failed = Assert.Single(outcomes, o => o.Status == UserMoveStatus.Failed);
        Assert.Equal(unlicensable.Id, failed.UserId);
        Assert.Equal(MessageCodes.UserNoUsageLocation, failed.Failure!.Code);
        Assert.False(failed.IsRetryable);
        Assert.Equal("active", (await KaizalaStatusAsync(harness, source)));   // C waits

        var audit = await harness.Audit.ReadAsync(id, CancellationToken.None);
        static bool IsUpdateAttempt(Audit.AuditEntry e) => e.Operation == "users.licenseupdates" && e.Status == "started";
        var updatesBefore = audit.Count(IsUpdateAttempt);
        Assert.True((await harness.Service.RetryFailedUsersAsync(id, Sellers.French, CancellationToken.None)).Succeeded);
        var retried = await harness.RunToRestAsync(runner, id);
        var retryCalls = (await harness.Audit.ReadAsync(id, CancellationToken.None)).Where(IsUpdateAttempt).Skip(updatesBefore).ToList();

        Assert.Equal(MigrationState.NeedsAttention, retried.State);
        Assert.All(retryCalls, e => Assert.Equal(unlicensable.Id, e.Target));
        Assert.Single(retryCalls);

        Assert.True((await harness.Service.AcceptRemainderAsync(id, Sellers.French, CancellationToken.None)).Succeeded);
        var done = await harness.RunToRestAsync(runner, id);

        Assert.Equal(MigrationState.CompletedWithFailures, done.State);
        Assert.Equal(1, done.Verification!.RemainderAccepted);
        Assert.Empty(done.Verification.StillOnKaizala);
        Assert.Equal("suspended", await KaizalaStatusAsync(harness, source));
    }

    [Fact]
    public async Task Run_TwentyPercentFaultsAndThrottling_EveryMigrationCompletesAndNothingIsDoneTwice()
    {
        await using var harness = await MigrationHarness.StartAsync(
            simulatorSettings: new Dictionary<string, string?> { ["RequestsPerMinute"] = "500" },
            engineSettings: new Dictionary<string, string?> { ["Migration:Runner:RequestsPerMinute"] = "490", ["Migration:Runner:RequestBurst"] = "10" });
        var sources = (await harness.ActiveKaizalaAsync()).Where(s => s.AssignedUsers >= 4).OrderBy(s => s.AssignedUsers).Take(3).ToList();
        var drafts = new List<MigrationDraft>();
        foreach (var source in sources)
        {
            drafts.Add(await harness.DraftAsync(source, "m365-business-basic", maxUsers: 5));
        }

        await harness.PutFaultsAsync(new
        {
            seed = 7,
            requestsPerMinute = 500,
            timeoutDuration = "00:00:05",
            rules = new object[]
            {
                new { endpoint = "*", failureRate = 0.1, kind = "serverError" },
                new { endpoint = "*", failureRate = 0.05, kind = "timeoutAfterProcessing" },
                new { endpoint = "*", failureRate = 0.05, kind = "serviceUnavailable" },
            },
        });
        var ids = new List<string>();
        foreach (var draft in drafts)
        {
            ids.Add((await harness.Service.ConfirmAsync(draft, CancellationToken.None)).Migration!.Id);
        }

        var runner = MigrationHarness.Runner(harness.Primary);
        var done = await Task.WhenAll(ids.Select(id => harness.RunToRestAsync(runner, id, TimeSpan.FromMinutes(3))));

        for (var i = 0; i < done.Length; i++)
        {
            Assert.Equal(MigrationState.Completed, done[i].State);
            await ExactlyOnce.AssertBoughtOnceAsync(harness, done[i], drafts[i], "3b555118-da6a-4418-894f-7df1e2096870");
        }
    }

    private static async Task<string> KaizalaStatusAsync(MigrationHarness harness, KaizalaSubscriptionSummary source)
    {
        var tenant = await harness.TenantAsync(source.CustomerId);
        return tenant["subscriptions"]!.AsArray().Single(s => s!["id"]!.GetValue<string>() == source.SubscriptionId)!["status"]!.GetValue<string>();
    }
}
