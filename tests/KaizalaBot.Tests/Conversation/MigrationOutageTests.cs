using KaizalaBot.Cards;
using KaizalaBot.Tests.Support;

namespace KaizalaBot.Tests.Conversation;

/// <summary>
/// Partner Center answering 503 while a migration runs: the seller's card, updated in place, says so in their language
/// and when KaizalaBot tries again; once Partner Center answers again the normal progress replaces the notice and the
/// migration ends with its summary.
/// </summary>
public sealed class MigrationOutageTests : IAsyncLifetime
{
    private ConversationWorld _world = null!;

    // The runner backs off in real time here: a short cap keeps the attempt after recovery within a second.
    public async Task InitializeAsync() =>
        _world = await ConversationWorld.StartAsync(hostSettings: new Dictionary<string, string?> { ["Migration:Runner:MaxFailureBackoff"] = "00:00:01" });

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Theory]
    [InlineData("en-US", "Partner Center has been unavailable since ", "(HTTP 503). KaizalaBot will try again automatically around ", "Completed")]
    [InlineData("fr-FR", "Partner Center est indisponible depuis ", "(code HTTP 503). KaizalaBot réessaiera automatiquement vers ", "Terminée")]
    public async Task Migrate_PartnerCenterAnswers503ThenRecovers_CardShowsTheOutageThenTheNormalProgress(
        string locale, string notice, string status, string completed)
    {
        var customer = await _world.SmallKaizalaCustomerAsync();
        var seller = new ConversationDriver(_world, CardStyle.Execute, locale);
        await seller.InstallAsync();
        await MigrationWalkThrough.ToReviewAsync(seller, customer, locale);
        var card = seller.Current!.ActivityId;
        await _world.SetPartnerCenterFaultsAsync(new { endpoint = "subscriptions.patch", failureRate = 1.0, kind = "serviceUnavailable" });
        var confirmedAt = _world.Connector.Requests.Count;
        await seller.ClickAsync(CardVerbs.Confirm);
        var migrationId = MigrationWalkThrough.MigrationIdOf(seller.Current!);

        var paused = await seller.WaitForCardAsync(confirmedAt, c => c.ActivityId == card && c.Text.Contains(notice, StringComparison.Ordinal), "the outage notice");
        var recoveredAt = _world.Connector.Requests.Count;
        await _world.SetPartnerCenterFaultsAsync();
        var summary = await seller.WaitForCardAsync(
            recoveredAt, c => c.ActivityId != card && c.Text.Contains(migrationId, StringComparison.Ordinal), "the summary");

        Assert.Contains(status, paused.Text, StringComparison.Ordinal);
        Assert.Contains(completed, summary.Text, StringComparison.Ordinal);
        var after = seller.CardsSince(recoveredAt).Where(c => c.ActivityId == card).ToList();
        Assert.NotEmpty(after);
        Assert.All(after, c => Assert.DoesNotContain(notice, c.Text, StringComparison.Ordinal));
        Assert.Contains(completed, after[^1].Text, StringComparison.Ordinal);
    }
}
