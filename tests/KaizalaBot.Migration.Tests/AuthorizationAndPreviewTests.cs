using KaizalaBot.Migration.Jobs;
using KaizalaBot.Migration.Planning;
using KaizalaBot.Migration.Tests.Infrastructure;

namespace KaizalaBot.Migration.Tests;

/// <summary>Who may migrate, and the preview that changes nothing in Partner Center.</summary>
public sealed class AuthorizationAndPreviewTests
{
    [Theory]
    [InlineData("helpdesk")]
    [InlineData("otherTenant")]
    public async Task Confirm_UnentitledSeller_RefusedAuditedAndNothingWritten(string who)
    {
        await using var harness = await MigrationHarness.StartAsync();
        var source = (await harness.ActiveKaizalaAsync()).MinBy(s => s.AssignedUsers)!;
        var seller = who == "helpdesk" ? Sellers.Helpdesk : Sellers.OtherTenant;
        var draft = await harness.DraftAsync(source, "m365-business-basic", maxUsers: 3, seller: seller);
        var before = await harness.TenantJsonAsync(source.CustomerId);

        var result = await harness.Service.ConfirmAsync(draft, CancellationToken.None);

        Assert.Equal(CommandStatus.Refused, result.Status);
        Assert.Equal(MessageCodes.SellerNotEntitled, result.Reason!.Code);
        Assert.Null(await harness.Service.FindForSubscriptionAsync(source.CustomerId, source.SubscriptionId, CancellationToken.None));
        Assert.Equal(before, await harness.TenantJsonAsync(source.CustomerId));
        var refusals = await harness.Audit.ReadAsync(Audit.AuditTrail.AuthorizationStream, CancellationToken.None);
        Assert.Contains(refusals, e => e.Status == "refused" && e.Actor == seller);
    }

    [Fact]
    public async Task Approve_SalesAgent_IsRefused_AdminAgentApproves()
    {
        await using var harness = await MigrationHarness.StartAsync(engineSettings: new Dictionary<string, string?>
        {
            ["Migration:Approval:Enabled"] = "true",
            ["Migration:Approval:SeatThreshold"] = "0",
        });
        var source = (await harness.ActiveKaizalaAsync()).MinBy(s => s.AssignedUsers)!;
        var draft = await harness.DraftAsync(source, "m365-business-basic", maxUsers: 3);

        var confirmed = await harness.Service.ConfirmAsync(draft, CancellationToken.None);
        var bySeller = await harness.Service.ApproveAsync(confirmed.Migration!.Id, Sellers.French, null, CancellationToken.None);
        var byAdmin = await harness.Service.ApproveAsync(confirmed.Migration.Id, Sellers.Admin, "ok", CancellationToken.None);

        Assert.Equal(MigrationState.AwaitingApproval, confirmed.Migration.State);
        Assert.Single(harness.Notifier.Approvals);
        Assert.Equal(CommandStatus.Refused, bySeller.Status);
        Assert.Equal(MigrationState.Queued, byAdmin.Migration!.State);
        var audit = await harness.Audit.ReadAsync(confirmed.Migration.Id, CancellationToken.None);
        Assert.Contains(audit, e => e.Operation == "authorization.approve" && e.Status == "refused");
        Assert.Contains(audit, e => e.Operation == "approval.approved" && e.Actor == Sellers.Admin);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Decide_UnknownMigrationId_NotFoundAndNothingStored(bool approve)
    {
        // What a forged approval card sends (found by the hostile-input harness): it used to fail the whole turn.
        await using var harness = await MigrationHarness.StartAsync();

        var result = approve
            ? await harness.Service.ApproveAsync("0123456789abcdef", Sellers.Admin, "forged", CancellationToken.None)
            : await harness.Service.RejectAsync("0123456789abcdef", Sellers.Admin, "forged", CancellationToken.None);

        Assert.Equal(CommandStatus.NotFound, result.Status);
        Assert.Null(result.Migration);
        Assert.Null(await harness.Service.GetAsync("0123456789abcdef", CancellationToken.None));
    }

    [Fact]
    public async Task Preview_ReportsFindingsAndChangesNothingInPartnerCenter()
    {
        await using var harness = await MigrationHarness.StartAsync();
        var source = (await harness.ActiveKaizalaAsync()).Where(s => s.AssignedUsers >= 5).MinBy(s => s.AssignedUsers)!;
        var users = (await harness.Planner.GetKaizalaUsersAsync(source.CustomerId, CancellationToken.None)).ToList();
        var draft = new MigrationDraft
        {
            Seller = Sellers.French, CustomerId = source.CustomerId, SourceSubscriptionId = source.SubscriptionId, PlanId = "m365-business-basic",
            LicenceCount = 301, Users = [.. users.Select(u => new MigrationUser(u.Id, u.UserPrincipalName, u.DisplayName))],
        };
        var before = await harness.TenantJsonAsync(source.CustomerId);

        var preview = await harness.Planner.PreviewAsync(draft, CancellationToken.None);

        Assert.Equal(before, await harness.TenantJsonAsync(source.CustomerId));
        Assert.False(preview.CanConfirm);
        Assert.Contains(preview.Findings, f => f.Severity == FindingSeverity.Blocks && f.Message.Code == MessageCodes.LicencesAboveMaximum);
        Assert.Contains(preview.Findings, f => f.Severity == FindingSeverity.Warns && f.Message.Code == MessageCodes.UsersNoUsageLocation);
        Assert.Contains(preview.Findings, f => f.Message.Code == MessageCodes.SourceSeats
            && f.Message.Arguments["assigned"] == source.AssignedUsers.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var audit = await harness.Audit.ReadAsync(Audit.AuditTrail.AuthorizationStream, CancellationToken.None);
        Assert.Empty(audit);
    }
}
