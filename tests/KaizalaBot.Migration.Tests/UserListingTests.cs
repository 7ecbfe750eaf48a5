using KaizalaBot.Migration.Jobs;
using KaizalaBot.Migration.Planning;
using KaizalaBot.Migration.Tests.Infrastructure;
using KaizalaBot.Testing.Http;

namespace KaizalaBot.Migration.Tests;

/// <summary>
/// What reading a customer's users costs: one licence read per user for the listing, none for a preview that reuses it
/// while it is fresh, and the run still reading each user right before acting.
/// </summary>
public sealed class UserListingTests
{
    private static readonly Dictionary<string, string?> LongLivedListing = new() { ["Migration:UserListingLifetime"] = "1.00:00:00" };

    [Fact]
    public async Task ListKaizalaUsers_ReadsEachUserOnceReportingProgress_AndThePreviewReusesIt()
    {
        await using var harness = await MigrationHarness.StartAsync(engineSettings: LongLivedListing);
        var source = (await harness.ActiveKaizalaAsync()).Where(s => s.AssignedUsers >= 20).MinBy(s => s.AssignedUsers)!;
        var tenantUsers = (await harness.TenantAsync(source.CustomerId))["users"]!.AsArray();
        var progress = new RecordingProgress();
        harness.Requests.Clear();

        var listing = await harness.Planner.ListKaizalaUsersAsync(source.CustomerId, progress, CancellationToken.None);

        Assert.Equal(tenantUsers.Count, listing.UsersRead);
        Assert.Equal(source.AssignedUsers, listing.KaizalaHolders.Count);
        Assert.Equal(tenantUsers.Count, harness.Requests.Count(IsLicenceRead));
        Assert.Equal(0, harness.Requests.Count(IsUserRead));
        var reports = progress.Reports.ToList();
        Assert.Equal(new UserReadProgress(0, tenantUsers.Count), reports[0]);
        Assert.All(reports, r => Assert.Equal(tenantUsers.Count, r.Total));
        Assert.Equal(Enumerable.Range(0, tenantUsers.Count + 1), reports.Select(r => r.Read).Order());

        harness.Requests.Clear();
        var holders = await harness.Planner.GetKaizalaUsersAsync(source.CustomerId, CancellationToken.None);
        var draft = await harness.DraftAsync(source, "m365-business-basic");
        var preview = await harness.Planner.PreviewAsync(draft, CancellationToken.None);

        Assert.Equal(listing.KaizalaHolders.Select(u => u.Id), holders.Select(u => u.Id));
        Assert.Equal(0, harness.Requests.Count(r => IsLicenceRead(r) || IsUserRead(r)));
        Assert.Equal(listing.ReadAt, preview.UsersReadAt);
        Assert.Equal(draft.Users.Select(u => u.Id), preview.Users.Select(u => u.Id));
        Assert.All(preview.Users, u => Assert.True(u.HoldsKaizala));
    }

    [Fact]
    public async Task Preview_ListingExpired_ReadsTheSelectedUsersAgain()
    {
        await using var harness = await MigrationHarness.StartAsync(engineSettings: new Dictionary<string, string?> { ["Migration:UserListingLifetime"] = "00:05:00" });
        var source = (await harness.ActiveKaizalaAsync()).Where(s => s.AssignedUsers >= 5).MinBy(s => s.AssignedUsers)!;
        var listing = await harness.Planner.ListKaizalaUsersAsync(source.CustomerId, null, CancellationToken.None);
        var draft = await harness.DraftAsync(source, "m365-business-basic", maxUsers: 4);
        await Eventually.TrueAsync(
            () => Task.FromResult(harness.Clock.GetUtcNow() > listing.ReadAt.AddMinutes(5)), "the listing to expire");
        harness.Requests.Clear();

        var preview = await harness.Planner.PreviewAsync(draft, CancellationToken.None);

        Assert.Null(await harness.Planner.GetCachedKaizalaUsersAsync(source.CustomerId, CancellationToken.None));
        Assert.Equal(draft.Users.Count, harness.Requests.Count(IsLicenceRead));
        Assert.Equal(draft.Users.Count, harness.Requests.Count(IsUserRead));
        Assert.True(preview.UsersReadAt > listing.ReadAt.AddMinutes(5));
    }

    [Fact]
    public async Task Run_AfterAFreshListing_StillReadsEachUsersLicencesRightBeforeMovingThem()
    {
        await using var harness = await MigrationHarness.StartAsync(engineSettings: LongLivedListing);
        var source = (await harness.ActiveKaizalaAsync()).Where(s => s.AssignedUsers >= 6).MinBy(s => s.AssignedUsers)!;
        await harness.Planner.ListKaizalaUsersAsync(source.CustomerId, null, CancellationToken.None);
        var draft = await harness.DraftAsync(source, "m365-business-basic", maxUsers: 5);

        var id = (await harness.Service.ConfirmAsync(draft, CancellationToken.None)).Migration!.Id;
        var done = await harness.RunToRestAsync(MigrationHarness.Runner(harness.Primary), id);

        Assert.Equal(MigrationState.Completed, done.State);
        var audit = await harness.Audit.ReadAsync(id, CancellationToken.None);
        foreach (var user in draft.Users)
        {
            var calls = audit.Where(e => e.Target == user.Id).Select(e => $"{e.Operation} {e.Status}").ToList();
            Assert.Equal(["users.licenses succeeded", "users.licenseupdates started", "users.licenseupdates succeeded", "users.licenses succeeded"], calls);
        }
    }

    private static bool IsLicenceRead(LoggedRequest request) => request.Method == "GET" && request.Path.EndsWith("/licenses", StringComparison.Ordinal);

    // GET …/customers/{id}/users/{uid} (one user), not the users' pages nor a user's licences.
    private static bool IsUserRead(LoggedRequest request) =>
        request.Method == "GET" && request.Path.Split('/') is { Length: > 2 } parts && parts[^2] == "users";
}
