using KaizalaBot.Migration.Jobs;
using KaizalaBot.Migration.Planning;
using KaizalaBot.Migration.Tests.Infrastructure;

namespace KaizalaBot.Migration.Tests;

/// <summary>Per-user failures with their reasons, retry and remainder; injected faults and throttling.</summary>
public sealed class FailureTests
{
    private const string ExchangePlan1 = "9aaf7827-d63c-4b61-89c3-182f06f82e5c";
    private const string ExchangePlan2 = "efb87545-963c-4e0d-99df-69c6916d9eb0";
    private const string OfficeE3SkuId = "6fd2c87f-b296-42f0-b197-1e91e994b900";
    private const string BusinessBasicSkuId = "3b555118-da6a-4418-894f-7df1e2096870";

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
    public async Task Run_SeatsTakenMeanwhile_UsersFailWithNoSeats_RetryOnceSeatsAreFree_Completes()
    {
        await using var harness = await MigrationHarness.StartAsync();
        var (source, held, holders) = await harness.HoldingAPlanAsync((h, users) => h.FreeSeats is >= 3 and <= 40 && users.Count >= h.FreeSeats + 2);
        var selected = holders.Take(held.FreeSeats).ToList();
        var others = holders.Skip(held.FreeSeats).Take(2).ToList();
        var draft = new MigrationDraft
        {
            Seller = Sellers.French, CustomerId = source.CustomerId, SourceSubscriptionId = source.SubscriptionId, PlanId = held.Plan.Id,
            PurchaseKind = PurchaseKind.AddSeats, ExistingSubscriptionId = held.SubscriptionId, LicenceCount = 0,
            Users = [.. selected.Select(u => new MigrationUser(u.Id, u.UserPrincipalName, u.DisplayName))],
        };
        var id = (await harness.Service.ConfirmAsync(draft, CancellationToken.None)).Migration!.Id;

        // Between the confirmation and the run, the customer's administrator gives two of the free seats to other users.
        foreach (var other in others)
        {
            await harness.ChangeLicencesAsync(source.CustomerId, other.Id, assign: held.Plan.SkuId);
        }

        var runner = MigrationHarness.Runner(harness.Primary);
        var stuck = await harness.RunToRestAsync(runner, id);
        var outcomes = await harness.Service.GetUserOutcomesAsync(id, CancellationToken.None);

        Assert.Equal(MigrationState.NeedsAttention, stuck.State);
        Assert.Equal(MessageCodes.AttentionUsersFailed, stuck.Attention!.Code);
        var failed = outcomes.Where(o => o.Status == UserMoveStatus.Failed).ToList();
        Assert.Equal(2, failed.Count);
        Assert.All(failed, o =>
        {
            Assert.Equal(MessageCodes.UserNoSeats, o.Failure!.Code);
            Assert.Equal("60012", o.ErrorCode);
            Assert.False(o.IsRetryable);
        });
        Assert.Equal(selected.Count - 2, outcomes.Count(o => o.Status == UserMoveStatus.Moved));
        Assert.Equal("active", await KaizalaStatusAsync(harness, source));

        foreach (var other in others)
        {
            await harness.ChangeLicencesAsync(source.CustomerId, other.Id, remove: held.Plan.SkuId);
        }

        Assert.True((await harness.Service.RetryFailedUsersAsync(id, Sellers.French, CancellationToken.None)).Succeeded);
        var done = await harness.RunToRestAsync(runner, id);

        Assert.Equal(MigrationState.Completed, done.State);
        await ExactlyOnce.AssertMovedAndSuspendedOnceAsync(harness, done, draft, held.Plan.SkuId);
        var audit = await harness.Audit.ReadAsync(id, CancellationToken.None);
        Assert.DoesNotContain(audit, e => e.Operation.StartsWith("carts.", StringComparison.Ordinal));
        Assert.DoesNotContain(audit, e => e.Operation == "subscriptions.patch" && e.Target == held.SubscriptionId);
        Assert.All(failed, f => Assert.Equal(
            2, audit.Count(e => e.Operation == "users.licenseupdates" && e.Status == "started" && e.Target == f.UserId)));
    }

    [Fact]
    public async Task Run_ServicePlanConflict_UserFailsWithReason_RetryOnceTheConflictIsRemoved_Completes()
    {
        // Entra refuses Exchange Online Plan 1 (Business Basic) beside Plan 2 (Office 365 E3) on one user.
        await using var harness = await MigrationHarness.StartAsync(simulatorSettings: new Dictionary<string, string?>
        {
            ["ServicePlanConflicts:0:First"] = ExchangePlan1,
            ["ServicePlanConflicts:0:Second"] = ExchangePlan2,
        });
        var (source, held, holders) = await harness.HoldingAPlanAsync((h, users) => h.Plan.SkuId == OfficeE3SkuId && users.Count >= 3);
        var tenant = await harness.TenantAsync(source.CustomerId);
        var officeUser = tenant["users"]!.AsArray()
            .First(u => u!["assignedSkuIds"]!.AsArray().Select(s => s!.GetValue<string>()).SequenceEqual([OfficeE3SkuId]))!["id"]!.GetValue<string>();
        var conflicted = holders[0];

        // The Kaizala holder also gets an Office 365 E3 licence (one freed for the purpose).
        await harness.ChangeLicencesAsync(source.CustomerId, officeUser, remove: OfficeE3SkuId);
        await harness.ChangeLicencesAsync(source.CustomerId, conflicted.Id, assign: OfficeE3SkuId);
        var draft = new MigrationDraft
        {
            Seller = Sellers.French, CustomerId = source.CustomerId, SourceSubscriptionId = source.SubscriptionId, PlanId = "m365-business-basic",
            LicenceCount = 3, Users = [.. holders.Take(3).Select(u => new MigrationUser(u.Id, u.UserPrincipalName, u.DisplayName))],
        };
        var id = (await harness.Service.ConfirmAsync(draft, CancellationToken.None)).Migration!.Id;
        var runner = MigrationHarness.Runner(harness.Primary);

        var stuck = await harness.RunToRestAsync(runner, id);
        var outcomes = await harness.Service.GetUserOutcomesAsync(id, CancellationToken.None);

        Assert.Equal(MigrationState.NeedsAttention, stuck.State);
        var failed = Assert.Single(outcomes, o => o.Status == UserMoveStatus.Failed);
        Assert.Equal(conflicted.Id, failed.UserId);
        Assert.Equal(MessageCodes.UserPlanConflict, failed.Failure!.Code);
        Assert.False(failed.IsRetryable);
        Assert.Equal("active", await KaizalaStatusAsync(harness, source));

        // What the card tells the seller to do: remove one of the two licences; the customer drops Office 365 E3.
        await harness.ChangeLicencesAsync(source.CustomerId, conflicted.Id, remove: OfficeE3SkuId);
        Assert.True((await harness.Service.RetryFailedUsersAsync(id, Sellers.French, CancellationToken.None)).Succeeded);
        var done = await harness.RunToRestAsync(runner, id);

        Assert.Equal(MigrationState.Completed, done.State);
        await ExactlyOnce.AssertBoughtOnceAsync(harness, done, draft, BusinessBasicSkuId);
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
            await ExactlyOnce.AssertBoughtOnceAsync(harness, done[i], drafts[i], BusinessBasicSkuId);
        }
    }

    private static async Task<string> KaizalaStatusAsync(MigrationHarness harness, KaizalaSubscriptionSummary source)
    {
        var tenant = await harness.TenantAsync(source.CustomerId);
        return tenant["subscriptions"]!.AsArray().Single(s => s!["id"]!.GetValue<string>() == source.SubscriptionId)!["status"]!.GetValue<string>();
    }
}
