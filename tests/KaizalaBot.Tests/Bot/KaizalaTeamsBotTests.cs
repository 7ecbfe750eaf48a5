using System.Net;
using System.Text.Json;
using KaizalaBot.BotFramework.Schema;
using KaizalaBot.Proactive;
using KaizalaBot.Testing.Protocol;
using KaizalaBot.Tests.Support;

namespace KaizalaBot.Tests.Bot;

/// <summary>The bot's behaviour through the real /api/messages endpoint, with its replies caught by a loopback connector.</summary>
public sealed class KaizalaTeamsBotTests : IAsyncLifetime
{
    private readonly BotHostFactory _host = new();
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

    private async Task<HttpResponseMessage> PostAsync(Activity activity) => await _client.SendAsync(TeamsActivities.Post(activity));

    [Fact]
    public async Task Install_PersonalScope_SendsOneWelcomeCardAndSavesTheReference()
    {
        var seller = Seller();

        var first = await PostAsync(seller.InstallationAdd());
        var second = await PostAsync(seller.BotAdded());

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var welcome = Assert.Single(_connector.SentMessages());
        Assert.Equal("Welcome to KaizalaBot", FirstTextBlock(welcome));
        Assert.Equal(seller.ConversationId, welcome.Conversation?.Id);
        Assert.Equal(TeamsActivities.BotId, welcome.From?.Id);

        var stored = await _host.Storage.ReadAsync($"installations/{TeamsActivities.TenantId}/personal/{TeamsActivities.SellerAadId}", CancellationToken.None);
        var installation = stored!.Content.Deserialize<Installation>(BotJson.Options)!;
        Assert.Equal(InstallationScope.Personal, installation.Scope);
        Assert.Equal(_connector.ServiceUrl, installation.Reference.ServiceUrl);
        Assert.Equal(seller.ConversationId, installation.Reference.Conversation?.Id);
        Assert.Equal(TeamsActivities.SellerAadId, installation.UserAadObjectId);
    }

    [Fact]
    public async Task Install_InstallAndConversationUpdateAtTheSameTime_WelcomesOnce()
    {
        var seller = Seller();

        await Task.WhenAll(PostAsync(seller.InstallationAdd()), PostAsync(seller.BotAdded()));

        Assert.Single(_connector.SentMessages());
    }

    [Fact]
    public async Task Install_FrenchLocale_WelcomesInFrench()
    {
        await PostAsync(Seller("fr-FR").InstallationAdd());

        Assert.Equal("Bienvenue dans KaizalaBot", FirstTextBlock(Assert.Single(_connector.SentMessages())));
    }

    [Fact]
    public async Task Uninstall_RemovesTheReference_AndReinstallWelcomesAgain()
    {
        var seller = Seller();
        await PostAsync(seller.InstallationAdd());

        await PostAsync(seller.InstallationRemove());
        var keys = await _host.Storage.ListKeysAsync("installations/", CancellationToken.None).ToListAsync();
        await PostAsync(seller.InstallationAdd());

        Assert.Empty(keys);
        Assert.Equal(2, _connector.SentMessages().Count);
    }

    [Theory]
    [InlineData("help", "en-US", "What I can do")]
    [InlineData("HELP!", "en-US", "What I can do")]
    [InlineData("aide", "fr-FR", "Ce que je sais faire")]
    [InlineData("<at>KaizalaBot</at> aide", "fr-CA", "Ce que je sais faire")]
    [InlineData("aide", "en-GB", "What I can do")]
    public async Task Message_HelpCommand_SendsTheHelpCardInTheSellersLanguage(string text, string locale, string title)
    {
        await PostAsync(Seller(locale).Message(text));

        var help = Assert.Single(_connector.SentMessages());
        Assert.Equal(title, FirstTextBlock(help));
        Assert.Equal(ContentTypes.AdaptiveCard, help.Attachments?.Single().ContentType);
    }

    [Fact]
    public async Task Submit_WelcomeCardButton_SendsTheHelpCard()
    {
        await PostAsync(Seller("fr-FR").Submit("""{"kbCommand":"aide"}"""));

        Assert.Equal("Ce que je sais faire", FirstTextBlock(Assert.Single(_connector.SentMessages())));
    }

    [Fact]
    public async Task Message_UnknownText_ExplainsAndPointsToHelp()
    {
        await PostAsync(Seller().Message("sell everything now"));

        var reply = Assert.Single(_connector.SentMessages());
        Assert.Contains("\"sell everything now\"", reply.Text, StringComparison.Ordinal);
        Assert.Contains("help", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Message_LongUnknownText_IsQuotedShortened()
    {
        await PostAsync(Seller().Message(new string('x', 5000)));

        var reply = Assert.Single(_connector.SentMessages());
        Assert.Contains(new string('x', 80) + "…", reply.Text, StringComparison.Ordinal);
        Assert.True(reply.Text!.Length < 300);
    }

    [Fact]
    public async Task Message_CancelWithNothingActive_SaysSo()
    {
        await PostAsync(Seller("fr-FR").Message("annuler"));

        Assert.Equal("Il n'y a rien à annuler.", Assert.Single(_connector.SentMessages()).Text);
    }

    [Fact]
    public async Task Submit_CardOfNoActiveDialog_IsRefusedWithAClearMessageAndChangesNothing()
    {
        await PostAsync(Seller().Submit("""{"verb":"choosePlan","kbPrompt":"old-dialog/prompt","plan":"E3"}"""));

        var reply = Assert.Single(_connector.SentMessages());
        Assert.StartsWith("This card is no longer active", reply.Text, StringComparison.Ordinal);
        var conversationKeys = await _host.Storage.ListKeysAsync("msteams/conversations/", CancellationToken.None).ToListAsync();
        Assert.Empty(conversationKeys);
    }

    [Fact]
    public async Task Execute_CardOfNoActiveDialog_AnswersTheInvokeWithTheRefusal()
    {
        var response = await PostAsync(Seller("fr-FR").Execute("choosePlan", """{"kbPrompt":"old-dialog/prompt"}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(200, body.GetProperty("statusCode").GetInt32());
        Assert.Equal(ContentTypes.ActivityMessage, body.GetProperty("type").GetString());
        Assert.StartsWith("Cette carte n'est plus active", body.GetProperty("value").GetString(), StringComparison.Ordinal);
        Assert.Empty(_connector.SentMessages());
    }

    [Fact]
    public async Task Message_FromAMovedServiceUrl_RefreshesTheStoredReference()
    {
        await PostAsync(Seller().InstallationAdd());
        await using var moved = await RecordingConnectorServer.StartAsync();

        await PostAsync(new TeamsActivities(new Uri(moved.ServiceUrl)).Message("help"));

        var stored = await _host.Storage.ReadAsync($"installations/{TeamsActivities.TenantId}/personal/{TeamsActivities.SellerAadId}", CancellationToken.None);
        Assert.Equal(moved.ServiceUrl, stored!.Content.Deserialize<Installation>(BotJson.Options)!.Reference.ServiceUrl);
        Assert.Single(moved.SentMessages());
    }

    private static string? FirstTextBlock(Activity message) =>
        message.Attachments!.Single().Content!.Value.GetProperty("body")[0].GetProperty("text").GetString();
}
