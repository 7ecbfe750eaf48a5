using KaizalaBot.Cards;
using KaizalaBot.Migration.Jobs;
using KaizalaBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace KaizalaBot.Tests.Conversation;

/// <summary>
/// A redeploy between Confirm and completion: the new host's runner takes the migration on from where it stopped, the
/// same card message goes on being updated, and the summary arrives once.
/// </summary>
public sealed class MigrationRestartTests : IAsyncLifetime
{
    private ConversationWorld _world = null!;

    // Provisioning takes an hour on the simulator's clock, which only the test moves: the first host stops while it waits.
    public async Task InitializeAsync() =>
        _world = await ConversationWorld.StartAsync(new Dictionary<string, string?> { ["ProvisioningDelay"] = "01:00:00" });

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task Restart_WhileWaitingForProvisioning_CardGoesOnInPlaceAndSummaryArrivesOnce()
    {
        var customer = await _world.SmallKaizalaCustomerAsync();
        var seller = new ConversationDriver(_world, CardStyle.Execute);
        await seller.InstallAsync();
        var ordersBefore = (await _world.TenantAsync(customer.Id))["orders"]!.AsArray().Count;
        await MigrationWalkThrough.ToReviewAsync(seller, customer, "en-US", otherPlan: true);
        var cardMessage = seller.Current!.ActivityId;
        var confirmedAt = _world.Connector.Requests.Count;
        await seller.ClickAsync(CardVerbs.Confirm);
        var migrationId = MigrationWalkThrough.MigrationIdOf(seller.Current!);
        await seller.WaitForCardAsync(confirmedAt, c => c.ActivityId == cardMessage && c.Text.Contains("Waiting for Microsoft to provision the licences", StringComparison.Ordinal), "provisioning");

        await _world.RestartAsync();
        var restartedAt = _world.Connector.Requests.Count;
        _world.SimulatorClock.Advance(TimeSpan.FromHours(2));
        var summary = await seller.WaitForCardAsync(restartedAt, c => c.ActivityId != cardMessage && c.Text.Contains(migrationId, StringComparison.Ordinal), "the summary");

        Assert.Contains("Completed", summary.Text, StringComparison.Ordinal);
        var afterRestart = seller.CardsSince(restartedAt);
        Assert.Contains(afterRestart, c => c.ActivityId == cardMessage && c.Text.Contains("Completed", StringComparison.Ordinal));
        Assert.Single(seller.CardsSince(confirmedAt), c => c.ActivityId != cardMessage);
        var migration = await _world.Host.Services.GetRequiredService<MigrationService>().GetAsync(migrationId, CancellationToken.None);
        Assert.Equal(MigrationState.Completed, migration!.State);
        Assert.Equal(ordersBefore + 1, (await _world.TenantAsync(customer.Id))["orders"]!.AsArray().Count);
    }
}
