using KaizalaBot.Cards;
using KaizalaBot.Migration.Jobs;
using KaizalaBot.PartnerCenter.Simulator;
using KaizalaBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace KaizalaBot.Tests.Conversation;

/// <summary>
/// status, history, resume and cancel around real migrations; another seller's migration shows but cannot be acted on;
/// an unentitled seller is told why before any step.
/// </summary>
public sealed class MigrationCommandsTests : IAsyncLifetime
{
    // A Sales agent in the simulator's Partner Center roles (not listed in configuration): may migrate, not act on others'.
    private const string OtherSellerAad = SimulatorDemoDirectory.EnglishSellerObjectId;
    private ConversationWorld _world = null!;

    // Provisioning waits for the test's clock, so a confirmed migration stays under way until the test moves it.
    public async Task InitializeAsync() => _world = await ConversationWorld.StartAsync(new Dictionary<string, string?> { ["ProvisioningDelay"] = "01:00:00" });

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task Commands_AroundAMigrationUnderWay_ListItLetOnlyItsSellerCancelItAndAnotherSellerOnlyLook()
    {
        var customer = await _world.SmallKaizalaCustomerAsync();
        var seller = new ConversationDriver(_world, CardStyle.Execute);
        var other = new ConversationDriver(_world, CardStyle.Submit, who: _world.OtherUser(OtherSellerAad, "Oliver Bennett"));
        await seller.InstallAsync();
        await other.InstallAsync();
        await MigrationWalkThrough.ToReviewAsync(seller, customer, "en-US", otherPlan: true);
        var confirmedAt = _world.Connector.Requests.Count;
        await seller.ClickAsync(CardVerbs.Confirm);
        var migrationId = MigrationWalkThrough.MigrationIdOf(seller.Current!);
        await seller.WaitForCardAsync(confirmedAt, c => c.Text.Contains("Waiting for Microsoft to provision the licences", StringComparison.Ordinal), "the purchase");

        var status = await seller.TypeAsync("status");
        Assert.Contains("Yours", status.Text, StringComparison.Ordinal);
        Assert.True(status.HasVerb(CardVerbs.ShowMigration));
        var othersStatus = await other.TypeAsync("statut");
        Assert.Contains("Other sellers' migrations under way", othersStatus.Text, StringComparison.Ordinal);
        Assert.Contains(customer.Name, othersStatus.Text, StringComparison.Ordinal);

        await other.ClickAsync(CardVerbs.ShowMigration, d => MigrationWalkThrough.Is(d, "migrationId", migrationId));
        Assert.Contains("Started by Alex Wilber", other.Current!.Text, StringComparison.Ordinal);
        Assert.False(other.Current.HasVerb(CardVerbs.CancelMigration));
        var forged = new System.Text.Json.Nodes.JsonObject { ["verb"] = CardVerbs.CancelMigration, ["migrationId"] = migrationId };
        await other.SendClickAsync(CardVerbs.CancelMigration, forged, other.Current.ActivityId);
        Assert.Contains(other.Said, s => s.StartsWith("Sorry, only the seller who started this migration", StringComparison.Ordinal));
        Assert.NotEqual(MigrationState.Cancelled, (await MigrationAsync(migrationId)).State);

        var cancelList = await seller.TypeAsync("cancel");
        Assert.Contains(customer.Name, cancelList.Text, StringComparison.Ordinal);
        await seller.ClickAsync(CardVerbs.ShowMigration, d => MigrationWalkThrough.Is(d, "migrationId", migrationId));
        var cancel = ShownCard.Actions(seller.Current!.Card).Single(a => a["verb"]!.GetValue<string>() == CardVerbs.CancelMigration)["data"]!.AsObject();
        var opened = seller.Current.ActivityId;
        await seller.SendClickAsync(CardVerbs.CancelMigration, cancel.DeepClone().AsObject(), opened);
        Assert.Contains("(cancelling after the current step)", seller.Current!.Text, StringComparison.Ordinal);
        Assert.False(seller.Current.HasVerb(CardVerbs.CancelMigration));
        var summary = await seller.WaitForCardAsync(0, c => c.Text.Contains(migrationId, StringComparison.Ordinal) && c.Text.Contains("Cancelled", StringComparison.Ordinal), "the cancellation");

        Assert.True(summary.Text.Contains("The licences bought stay bought", StringComparison.Ordinal), summary.Text);
        var history = await seller.TypeAsync("history");
        Assert.Contains(customer.Name, history.Text, StringComparison.Ordinal);
        Assert.Contains("Cancelled", history.Text, StringComparison.Ordinal);
        await seller.SayAsync("resume");
        Assert.Contains(seller.Said, s => s.StartsWith("Nothing needs you", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Migrate_SellerWithoutARole_IsToldWhyBeforeAnyStep()
    {
        var stranger = new ConversationDriver(_world, CardStyle.Execute, who: _world.OtherUser("aad-stranger", "Priya Natarajan"));
        await stranger.InstallAsync();
        var before = _world.Connector.Requests.Count;

        await stranger.SayAsync("migrate contoso");

        Assert.Empty(stranger.CardsSince(before));
        var refusal = Assert.Single(stranger.Said);
        Assert.StartsWith("Sorry, migrating a customer needs the Sales agent or Admin agent role", refusal, StringComparison.Ordinal);
        Assert.Equal("none", await DialogAnswers.ReadAsync(_world.Storage, stranger.Seller.ConversationId));
    }

    private async Task<MigrationRecord> MigrationAsync(string id) =>
        (await _world.Host.Services.GetRequiredService<MigrationService>().GetAsync(id, CancellationToken.None))!;
}
