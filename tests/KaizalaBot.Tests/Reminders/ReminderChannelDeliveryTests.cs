using KaizalaBot.BotFramework.Schema;
using KaizalaBot.Migration.Reminders;
using KaizalaBot.Proactive;
using KaizalaBot.Testing.Protocol;
using KaizalaBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace KaizalaBot.Tests.Reminders;

/// <summary>
/// A host with a team channel configured for reminders (<c>Reminders:ChannelConversationId</c>): the customers nobody
/// handles go to that channel's digest, not to each seller; a 403 from the channel drops its reference.
/// </summary>
public sealed class ReminderChannelDeliveryTests : IAsyncLifetime
{
    private const string ChannelId = "19:sales@thread.tacv2";

    private readonly SimulatorRoutingHost _host = new(ReminderHostSettings.Create(("Reminders:ChannelConversationId", ChannelId)));
    private RecordingConnectorServer _connector = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _connector = await RecordingConnectorServer.StartAsync();
        _client = _host.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
    }

    private ReminderWorker Worker => _host.Services.GetRequiredService<ReminderWorker>();

    private static string ChannelKey => InstallationStore.ConversationKey(TeamsActivities.TenantId, ChannelId);

    private async Task InstallAsync(string channelLocale = "fr-FR")
    {
        var seller = new TeamsActivities(new Uri(_connector.ServiceUrl));
        var inChannel = new TeamsActivities(new Uri(_connector.ServiceUrl), channelLocale, ChannelId);
        await _client.SendAsync(TeamsActivities.Post(seller.InstallationAdd()));
        await _client.SendAsync(TeamsActivities.Post(inChannel.BotAdded() with
        {
            Conversation = new ConversationAccount { Id = ChannelId, ConversationType = "channel", TenantId = TeamsActivities.TenantId },
        }));
    }

    [Fact]
    public async Task Cycle_NobodyHandlesTheCustomers_OneDigestInTheChannelInItsLanguageNoneToTheSeller()
    {
        await InstallAsync();
        var before = _connector.Requests.Count;

        var cycle = await Worker.RunOnceAsync(scanNow: true, CancellationToken.None);

        Assert.Equal(1, cycle!.Dispatch.DigestsShown);
        Assert.Equal(10, cycle.Dispatch.RemindersShown);
        var requests = _connector.Requests.Skip(before).ToList();
        Assert.Equal(["POST", "PUT"], requests.Select(r => r.Method));
        var channelPath = $"/v3/conversations/{Uri.EscapeDataString(ChannelId)}/activities";
        Assert.All(requests, r => Assert.Contains(channelPath, r.RawTarget, StringComparison.Ordinal));
        var card = requests[1].Activity().Attachments!.Single().Content!.Value;
        Assert.Equal("Abonnements Kaizala Pro sur le point d'expirer", card.GetProperty("body")[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task Snooze_OnTheChannelDigestInItsThread_HoldsTheSubscriptionForTheChannel()
    {
        await InstallAsync();
        await Worker.RunOnceAsync(scanNow: true, CancellationToken.None);
        var item = (await _host.Services.GetRequiredService<ReminderStore>().ReadSentKeysAsync(ReminderRecipient.ChannelKey(ChannelId), CancellationToken.None)).First();
        var subscription = item.Split('/')[0];
        var entry = await _host.Services.GetRequiredService<KaizalaBot.Migration.Expiry.ExpiryIndex>().ReadAllAsync(CancellationToken.None)
            .FirstAsync(e => e.Subscriptions.Any(s => s.SubscriptionId.Equals(subscription, StringComparison.OrdinalIgnoreCase)));
        var click = new TeamsActivities(new Uri(_connector.ServiceUrl), "en-US", ChannelId).Execute(
            "snoozeReminder", System.Text.Json.JsonSerializer.Serialize(new { customerId = entry.CustomerId, subscriptionId = subscription, days = 1 }));

        using var response = await _client.SendAsync(TeamsActivities.Post(click with
        {
            Conversation = new ConversationAccount { Id = $"{ChannelId};messageid=1764495600000", ConversationType = "channel", TenantId = TeamsActivities.TenantId },
        }));

        response.EnsureSuccessStatusCode();
        var snooze = await _host.Services.GetRequiredService<ReminderStore>().ReadSnoozeAsync(ReminderRecipient.ChannelKey(ChannelId), subscription, CancellationToken.None);
        Assert.NotNull(snooze);
    }

    [Fact]
    public async Task Cycle_TeamsSaysTheBotIsNoLongerInTheTeam_ChannelReferenceDroppedAndTheSellersRemindedInstead()
    {
        await InstallAsync();
        var before = _connector.Requests.Count;
        _connector.Enqueue(new ScriptedResponse(403, """{"error":{"code":"BotNotInConversationRoster","message":"The bot is not part of the conversation roster."}}"""));

        var first = await Worker.RunOnceAsync(scanNow: true, CancellationToken.None);
        var second = await Worker.RunOnceAsync(scanNow: true, CancellationToken.None);

        Assert.Equal(10, first!.Dispatch.RemindersUndeliverable);
        Assert.Null(await _host.Storage.ReadAsync(ChannelKey, CancellationToken.None));

        // Nobody handles these customers and the channel is gone: they must not go silent, so every seller gets them.
        Assert.Equal(10, second!.Dispatch.RemindersShown);
        var requests = _connector.Requests.Skip(before).ToList();
        Assert.Equal(["POST", "POST", "PUT"], requests.Select(r => r.Method));
        Assert.Contains(Uri.EscapeDataString(ChannelId), requests[0].RawTarget, StringComparison.Ordinal);
        Assert.All(requests.Skip(1), r => Assert.Contains("/v3/conversations/a%3Apersonal-chat-1/", r.RawTarget, StringComparison.Ordinal));
    }
}
