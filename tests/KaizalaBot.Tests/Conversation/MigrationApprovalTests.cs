using System.Text.Json.Nodes;
using KaizalaBot.Cards;
using KaizalaBot.Tests.Support;

namespace KaizalaBot.Tests.Conversation;

/// <summary>
/// With approval configured, an Admin agent who installed the bot gets an Approve / Reject card (never the seller who
/// asked); the first decision wins, the seller is told it, and an approved migration runs to its summary.
/// </summary>
public sealed class MigrationApprovalTests : IAsyncLifetime
{
    private const string AdminAad = "aad-admin-1";
    private ConversationWorld _world = null!;

    public async Task InitializeAsync() => _world = await ConversationWorld.StartAsync(hostSettings: new Dictionary<string, string?>
    {
        ["Migration:Approval:Enabled"] = "true",
        ["Migration:Approval:SeatThreshold"] = "0",
        ["Migration:Authorization:AllowedUsers:1"] = AdminAad,
    });

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Theory]
    [InlineData(CardStyle.Execute, true)]
    [InlineData(CardStyle.Submit, false)]
    public async Task Confirm_AboveTheThreshold_AdminAgentDecidesInTeamsAndTheSellerIsTold(CardStyle style, bool approve)
    {
        var customer = await _world.SmallKaizalaCustomerAsync();
        var seller = new ConversationDriver(_world, CardStyle.Execute);
        var admin = new ConversationDriver(_world, style, "fr-FR", _world.OtherUser(AdminAad, "Adele Vance", "fr-FR"));
        await seller.InstallAsync();
        await admin.InstallAsync();
        await MigrationWalkThrough.ToReviewAsync(seller, customer, "en-US", otherPlan: true);
        Assert.Contains("need an Admin agent's approval", seller.Current!.Text, StringComparison.Ordinal);
        var start = _world.Connector.Requests.Count;
        await seller.ClickAsync(CardVerbs.Confirm);
        var migrationId = MigrationWalkThrough.MigrationIdOf(seller.Current!);
        Assert.Contains("Waiting for an Admin agent's approval", seller.Current!.Text, StringComparison.Ordinal);

        var request = await admin.WaitForCardAsync(start, c => c.HasVerb(CardVerbs.ApproveMigration), "the approval request");
        Assert.Contains("Approbation demandée", request.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(seller.CardsSince(start), c => c.HasVerb(CardVerbs.ApproveMigration));
        var verb = approve ? CardVerbs.ApproveMigration : CardVerbs.RejectMigration;
        var decidedAt = _world.Connector.Requests.Count;
        await admin.SendClickAsync(verb, Data(request, verb, style, "Budget validé"), request.ActivityId);
        Assert.Contains(approve ? "Approuvée par vous." : "Refusée par vous.", admin.Current!.Text, StringComparison.Ordinal);
        Assert.False(admin.Current.HasVerb(CardVerbs.ApproveMigration));
        await admin.SendClickAsync(verb, Data(request, verb, style, "encore"), request.ActivityId);
        Assert.Contains(admin.Said, s => s.StartsWith("Rien n'a été fait", StringComparison.Ordinal));

        var summary = await seller.WaitForCardAsync(decidedAt, c => c.ActivityId != seller.Current!.ActivityId && c.Text.Contains(migrationId, StringComparison.Ordinal), "the summary");
        if (approve)
        {
            await seller.WaitForTextAsync(decidedAt, t => t == $"Adele Vance approved the migration of {customer.Name}: it starts now.", "the approval");
            Assert.Contains("Completed", summary.Text, StringComparison.Ordinal);
            Assert.Contains("Approved by: Adele Vance: Budget validé", summary.Text, StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains("Rejected by Adele Vance", summary.Text, StringComparison.Ordinal);
            Assert.Contains("Rejected by: Adele Vance: Budget validé", summary.Text, StringComparison.Ordinal);
        }
    }

    private static JsonObject Data(ShownCard card, string verb, CardStyle style, string comment)
    {
        var action = ShownCard.Actions(card.Card).Single(a => a["verb"]!.GetValue<string>() == verb);
        var data = (style == CardStyle.Execute ? action["data"] : action["fallback"]!["data"])!.DeepClone().AsObject();
        data["comment"] = comment;
        return data;
    }
}
