using System.Text.Json;
using KaizalaBot.BotFramework.Schema;
using KaizalaBot.Migration.Expiry;
using KaizalaBot.Migration.Reminders;
using KaizalaBot.Proactive;
using KaizalaBot.Testing.Protocol;
using KaizalaBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace KaizalaBot.Tests.Reminders;

/// <summary><c>expiring</c>, <c>reminders on|off</c> and the reminder cards' buttons, through the real endpoint.</summary>
public sealed class ReminderCardsTests : IAsyncLifetime
{
    private static readonly ChannelAccount Colleague = new() { Id = "29:seller-2", Name = "Megan Bowen", AadObjectId = "aad-seller-2" };

    private readonly SimulatorRoutingHost _host = new(ReminderHostSettings.Create(("Migration:Authorization:AllowedUsers:1", Colleague.AadObjectId)));
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

    private async Task<JsonElement> SendAsync(Activity activity)
    {
        using var response = await _client.SendAsync(TeamsActivities.Post(activity));
        var body = await response.Content.ReadAsStringAsync();
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    private Task<ExpiryScanResult> ScanAsync() => _host.Services.GetRequiredService<ExpiryScanner>().ScanAllAsync(CancellationToken.None);

    [Fact]
    public async Task Expiring_BeforeTheFirstScan_SaysTheListIsBeingBuilt()
    {
        await SendAsync(Seller().Message("expiring"));

        Assert.StartsWith("I am still building the list", Assert.Single(_connector.SentMessages()).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Expiring_AfterAScan_MostUrgentPageThenTheNextInPlace()
    {
        await ScanAsync();
        var seller = Seller("fr-FR");

        await SendAsync(seller.Message("expirations"));
        var first = Card(Assert.Single(_connector.SentMessages()));
        var next = first.GetProperty("actions")[0].GetProperty("data").GetProperty("after").GetString()!;
        var page = await SendAsync(seller.Execute("expiringPage", JsonSerializer.Serialize(new { after = next })));

        Assert.Equal("Clients sur Kaizala Pro", first.GetProperty("body")[0].GetProperty("text").GetString());
        var firstCustomers = Customers(first);
        Assert.Equal(5, firstCustomers.Count);
        Assert.StartsWith("Terminé depuis 10 jours", Whens(first)[0], StringComparison.Ordinal);
        var second = page.GetProperty("value");
        Assert.Equal("application/vnd.microsoft.card.adaptive", page.GetProperty("type").GetString());
        Assert.Equal(5, Customers(second).Count);
        Assert.Empty(firstCustomers.Intersect(Customers(second)));
        var daysLeft = Whens(second).Select(w => int.Parse(w.Split(' ')[3], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(daysLeft.Order(), daysLeft);
        Assert.InRange(daysLeft[0], 23, 24);   // the demo's next Kaizala Pro ends 25 days from the day the simulator started
    }

    [Fact]
    public async Task Reminders_OffThenOn_StoredForTheSellerAndAnsweredInTheirLanguage()
    {
        var seller = Seller("fr-FR");
        await SendAsync(seller.InstallationAdd());

        await SendAsync(seller.Message("rappels off"));
        var off = await InstallationAsync();
        await SendAsync(seller.Message("<at>KaizalaBot</at> rappels   on!"));
        var on = await InstallationAsync();
        await SendAsync(seller.Message("rappels"));

        Assert.True(off!.RemindersOff);
        Assert.False(on!.RemindersOff);
        Assert.Equal(
            ["Les rappels sont désactivés. Tapez **rappels on** pour les réactiver.", "Les rappels sont activés : je vous signalerai les abonnements Kaizala Pro qui vont expirer. Tapez **rappels off** pour les arrêter.", "Les rappels sont activés. Tapez **rappels off** pour les arrêter."],
            _connector.SentMessages().Skip(1).Select(m => m.Text));
    }

    [Fact]
    public async Task Snooze_FromAReminderCard_HoldsThatSubscriptionForThisSellerAWeek()
    {
        await ScanAsync();
        var entry = (await _host.Services.GetRequiredService<ExpiryIndex>().ReadPageAsync(null, 1, CancellationToken.None)).Items[0];
        var subscription = entry.Subscriptions[0].SubscriptionId;

        var answer = await SendAsync(Seller().Execute("snoozeReminder", JsonSerializer.Serialize(new { customerId = entry.CustomerId, subscriptionId = subscription, days = 7 })));
        var forged = await SendAsync(Seller().Execute("snoozeReminder", JsonSerializer.Serialize(new { customerId = entry.CustomerId, subscriptionId = subscription, days = 365 })));

        Assert.StartsWith($"I will remind you of {entry.CompanyName} again on ", answer.GetProperty("value").GetString(), StringComparison.Ordinal);
        var snooze = await _host.Storage.ReadAsync($"reminders/snoozes/seller-{TeamsActivities.SellerAadId}/{subscription}", CancellationToken.None);
        Assert.NotNull(snooze);
        Assert.StartsWith("This card is no longer active", forged.GetProperty("value").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleIt_ThenDetails_ThenHandBack()
    {
        await ScanAsync();
        var entry = (await _host.Services.GetRequiredService<ExpiryIndex>().ReadPageAsync(null, 1, CancellationToken.None)).Items[0];
        var data = JsonSerializer.Serialize(new { customerId = entry.CustomerId });
        var seller = Seller();

        var taken = await SendAsync(seller.Execute("handleCustomer", data));
        await SendAsync(seller.Submit(JsonSerializer.Serialize(new { verb = "reminderDetails", customerId = entry.CustomerId })));
        var details = Card(Assert.Single(_connector.SentMessages()));
        var handedBack = await SendAsync(seller.Execute("releaseCustomer", data));
        var again = await SendAsync(seller.Execute("releaseCustomer", data));

        Assert.Equal($"{entry.CompanyName} is yours: its reminders now come to you.", taken.GetProperty("value").GetString());
        Assert.Equal(entry.CompanyName, details.GetProperty("body")[0].GetProperty("text").GetString());
        Assert.Equal("Handled by Alex Wilber", details.GetProperty("body")[2].GetProperty("text").GetString());
        Assert.Equal("releaseCustomer", Assert.Single(details.GetProperty("actions").EnumerateArray()).GetProperty("verb").GetString());
        Assert.Equal($"{entry.CompanyName} is handed back: its reminders go to the team again.", handedBack.GetProperty("value").GetString());
        Assert.Equal($"Nobody handles {entry.CompanyName}.", again.GetProperty("value").GetString());
    }

    [Fact]
    public async Task HandleIt_CustomerAnotherSellerHandles_NeitherTakenNorHandedBackByTheColleague()
    {
        await ScanAsync();
        var entry = (await _host.Services.GetRequiredService<ExpiryIndex>().ReadPageAsync(null, 1, CancellationToken.None)).Items[0];
        var data = JsonSerializer.Serialize(new { customerId = entry.CustomerId });
        await SendAsync(Seller().Execute("handleCustomer", data));

        var taken = await SendAsync(Seller("fr-FR").Execute("handleCustomer", data) with { From = Colleague });
        var handedBack = await SendAsync(Seller().Execute("releaseCustomer", data) with { From = Colleague });

        Assert.Equal($"Alex Wilber s'occupe déjà de {entry.CompanyName}.", taken.GetProperty("value").GetString());
        Assert.Equal($"Only Alex Wilber, who handles {entry.CompanyName}, can hand it back.", handedBack.GetProperty("value").GetString());
        var owner = await _host.Services.GetRequiredService<CustomerOwnership>().GetAsync(entry.CustomerId, CancellationToken.None);
        Assert.Equal(TeamsActivities.SellerAadId, owner!.Seller.AadObjectId);
    }

    [Fact]
    public async Task HandleIt_UserWhoMayNotMigrate_IsRefusedAndNothingChanges()
    {
        await ScanAsync();
        var entry = (await _host.Services.GetRequiredService<ExpiryIndex>().ReadPageAsync(null, 1, CancellationToken.None)).Items[0];
        var stranger = Seller().Execute("handleCustomer", JsonSerializer.Serialize(new { customerId = entry.CustomerId })) with
        {
            From = new ChannelAccount { Id = "29:stranger", Name = "Guest", AadObjectId = "aad-not-a-seller" },
        };

        var answer = await SendAsync(stranger);
        var anonymous = Seller().Execute("releaseCustomer", JsonSerializer.Serialize(new { customerId = entry.CustomerId })) with { From = new ChannelAccount { Id = "29:no-entra-id" } };
        var handBack = await SendAsync(anonymous);

        Assert.StartsWith("Only the partner's sellers", answer.GetProperty("value").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("Only the partner's sellers", handBack.GetProperty("value").GetString(), StringComparison.Ordinal);
        Assert.Null(await _host.Services.GetRequiredService<CustomerOwnership>().GetAsync(entry.CustomerId, CancellationToken.None));
    }

    private async Task<Installation?> InstallationAsync() =>
        await _host.Services.GetRequiredService<InstallationStore>().ReadAsync(
            InstallationStore.PersonalKey(TeamsActivities.TenantId, TeamsActivities.SellerAadId), CancellationToken.None);

    private static JsonElement Card(Activity message) => message.Attachments!.Single().Content!.Value;

    private static List<string> Customers(JsonElement card) =>
        [.. card.GetProperty("body").EnumerateArray().Where(e => e.GetProperty("type").GetString() == "Container").Select(c => c.GetProperty("items")[0].GetProperty("text").GetString()!)];

    private static string[] Whens(JsonElement card) =>
        [.. card.GetProperty("body").EnumerateArray().Where(e => e.GetProperty("type").GetString() == "Container").Select(c => c.GetProperty("items")[1].GetProperty("text").GetString()!)];
}
