using KaizalaBot.Migration.Reminders;
using KaizalaBot.Proactive;
using KaizalaBot.Testing.Protocol;
using KaizalaBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace KaizalaBot.Tests.Reminders;

/// <summary>
/// Reminder cycles of the real host (scan of the in-process simulator, plan, delivery through the adapter and the
/// connector) against a recording Bot Connector: what Teams receives, and what a 403 or an uninstall does.
/// </summary>
public sealed class ReminderDeliveryTests : IAsyncLifetime
{
    private readonly SimulatorRoutingHost _host = new(ReminderHostSettings.Create());
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

    private TeamsActivities Seller(string locale = "en-US") => new(new Uri(_connector.ServiceUrl), locale);

    private ReminderWorker Worker => _host.Services.GetRequiredService<ReminderWorker>();

    private static string PersonalKey => InstallationStore.PersonalKey(TeamsActivities.TenantId, TeamsActivities.SellerAadId);

    [Fact]
    public async Task Cycle_InstalledSeller_HeaderPostedThenReplacedByTheDigestInTheirLanguage()
    {
        await _client.SendAsync(TeamsActivities.Post(Seller("fr-FR").InstallationAdd()));

        var cycle = await Worker.RunOnceAsync(scanNow: true, CancellationToken.None);

        Assert.Equal(1, cycle!.Dispatch.DigestsShown);
        var requests = _connector.Requests.Skip(1).ToList();   // after the welcome card
        Assert.Equal(["POST", "PUT"], requests.Select(r => r.Method));
        Assert.EndsWith("/v3/conversations/a%3Apersonal-chat-1/activities", requests[0].RawTarget, StringComparison.Ordinal);
        Assert.Equal("Rappels d'expiration Kaizala Pro", requests[0].Activity().Text);
        Assert.EndsWith("/v3/conversations/a%3Apersonal-chat-1/activities/activity-2", requests[1].RawTarget, StringComparison.Ordinal);
        var card = requests[1].Activity().Attachments!.Single().Content!.Value;
        Assert.Equal("Abonnements Kaizala Pro sur le point d'expirer", card.GetProperty("body")[0].GetProperty("text").GetString());
        var body = card.GetProperty("body").EnumerateArray().ToList();
        Assert.Equal(5, body.Count(e => e.GetProperty("type").GetString() == "Container"));

        // The demo partner has ten due: two expired, then within 1, 7, 14, 30 and 60 days (four of those).
        Assert.Equal("Et 5 de plus : tapez **expirations** pour tous les voir.", body[^1].GetProperty("text").GetString());
    }

    [Fact]
    public async Task Cycle_TeamsAnswers403Blocked_ReferenceDroppedAndNothingRetried()
    {
        await _client.SendAsync(TeamsActivities.Post(Seller().InstallationAdd()));
        _connector.Enqueue(new ScriptedResponse(403, """{"error":{"code":"ConversationBlockedByUser","message":"User blocked the conversation with the bot."}}"""));

        var first = await Worker.RunOnceAsync(scanNow: true, CancellationToken.None);
        var second = await Worker.RunOnceAsync(scanNow: true, CancellationToken.None);

        Assert.Equal(10, first!.Dispatch.RemindersUndeliverable);
        Assert.Null(await _host.Storage.ReadAsync(PersonalKey, CancellationToken.None));
        Assert.Equal(0, second!.Plan!.Recipients);
        Assert.Equal(2, _connector.Requests.Count);   // the welcome card and the refused header
    }

    [Fact]
    public async Task Cycle_AfterUninstall_TheReferenceIsGoneAndNobodyIsReminded()
    {
        var seller = Seller();
        await _client.SendAsync(TeamsActivities.Post(seller.InstallationAdd()));
        await _client.SendAsync(TeamsActivities.Post(seller.InstallationRemove()));

        var cycle = await Worker.RunOnceAsync(scanNow: true, CancellationToken.None);

        Assert.Null(await _host.Storage.ReadAsync(PersonalKey, CancellationToken.None));
        Assert.Equal(0, cycle!.Plan!.Recipients);
        Assert.Single(_connector.Requests);   // the welcome card only
    }

    [Fact]
    public async Task Cycle_RemindersOff_NothingSentThenOnAgain_SentOnce()
    {
        var seller = Seller();
        await _client.SendAsync(TeamsActivities.Post(seller.InstallationAdd()));
        await _client.SendAsync(TeamsActivities.Post(seller.Message("reminders off")));

        await Worker.RunOnceAsync(scanNow: true, CancellationToken.None);
        var whileOff = _connector.Requests.Count;
        await _client.SendAsync(TeamsActivities.Post(seller.Message("reminders on")));
        await Worker.RunOnceAsync(scanNow: true, CancellationToken.None);
        await Worker.RunOnceAsync(scanNow: true, CancellationToken.None);

        Assert.Equal(2, whileOff);   // welcome, and the answer to "reminders off"
        Assert.Equal(["POST", "PUT"], _connector.Requests.Skip(3).Select(r => r.Method));
    }

    [Fact]
    public async Task Cycle_TeamsAsksToWaitLongerThanTheConnectorWaits_TheDigestWaitsItsTurn()
    {
        await _client.SendAsync(TeamsActivities.Post(Seller().InstallationAdd()));
        for (var attempt = 0; attempt < 4; attempt++)
        {
            _connector.Enqueue(new ScriptedResponse(429, """{"error":{"code":"Throttled","message":"Too many requests"}}""", new Dictionary<string, string> { ["Retry-After"] = "600" }));
        }

        var cycle = await Worker.RunOnceAsync(scanNow: true, CancellationToken.None);

        Assert.Equal(0, cycle!.Dispatch.RemindersUndeliverable);
        var outbox = await _host.Storage.ReadAsync($"reminders/outbox/seller-{TeamsActivities.SellerAadId}", CancellationToken.None);
        var stored = outbox!.Content;
        Assert.Equal(10, stored.GetProperty("inFlight").GetArrayLength());
        Assert.Equal("throttled", stored.GetProperty("lastFailure").GetString());
        Assert.True(stored.GetProperty("notBefore").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(5));
    }
}
