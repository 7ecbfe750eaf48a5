using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using KaizalaBot.BotFramework.Builder;
using KaizalaBot.Proactive;
using KaizalaBot.Testing.Protocol;
using KaizalaBot.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KaizalaBot.Tests.HostileInput;

/// <summary>
/// Activities that answered 500 before the edge validated them, sent to the real bot (file storage, as a developer
/// runs it): each now gets its documented answer, and a refused one changes nothing — no state, no reply.
/// </summary>
public sealed class HostileActivityTests : IAsyncLifetime
{
    private readonly DirectoryInfo _storageRoot = Directory.CreateTempSubdirectory("kaizalabot-hostile-activity-");
    private RecordingConnectorServer _connector = null!;
    private BotHostFactory _host = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _connector = await RecordingConnectorServer.StartAsync();
        _host = new BotHostFactory(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "File",
            ["Storage:File:RootPath"] = _storageRoot.FullName,
        });
        _client = _host.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
        _storageRoot.Delete(recursive: true);
    }

    private TeamsActivities Seller => new(new Uri(_connector.ServiceUrl));

    [Theory]
    [InlineData("conversation", "conversation is required.")]
    [InlineData("conversation.id", "conversation.id is required.")]
    [InlineData("channelId", "channelId is required.")]
    public async Task CardAction_WithoutWhatAnAnswerNeeds_Is400AndChangesNothing(string missing, string problem)
    {
        var click = Json(Seller.Execute("choosePlan", """{"plan":"E3"}"""));
        var parts = missing.Split('.');
        (parts.Length == 1 ? click : click[parts[0]]!.AsObject()).Remove(parts[^1]);

        var response = await PostAsync(click.ToJsonString());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(problem, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await AssertNothingChangedAsync();
    }

    [Theory]
    [InlineData("""{"plan":"E3","plan":"E5"}""")]
    [InlineData("""{"plan":"\ud800"}""")]
    [InlineData("""{"\udc00":"E3"}""")]
    public async Task CardAction_WithDuplicateKeysOrALoneSurrogateInItsData_Is400AndChangesNothing(string data)
    {
        var body = Json(Seller.Execute("choosePlan", "{}")).ToJsonString()
            .Replace("\"data\":{}", "\"data\":" + data, StringComparison.Ordinal);

        var response = await PostAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await AssertNothingChangedAsync();
    }

    [Fact]
    public async Task Install_WithIdsAtTheirLimitsFullOfEscapedCharacters_IsStoredListedAndAnsweredAtTheExactPath()
    {
        // 512 and 128 characters that each escape to 3 in a storage key (':' -> _3a) and a URL (':' -> %3A): the key is
        // ~2,000 characters, which used to fail the turn with a 500 from the file store.
        var conversationId = new string(':', 512);
        var seller = new TeamsActivities(new Uri(_connector.ServiceUrl), ConversationId: conversationId);
        var install = Json(seller.InstallationAdd());
        install["from"]!["aadObjectId"] = new string('@', 128);

        var response = await PostAsync(install.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var welcome = Assert.Single(_connector.Requests);
        Assert.Equal(
            $"/emea/v3/conversations/{string.Concat(Enumerable.Repeat("%3A", 512))}/activities/{install["id"]!.GetValue<string>()}",
            welcome.RawTarget);
        Assert.Equal(conversationId, welcome.Activity().Conversation?.Id);
        var keys = await _host.Services.GetRequiredService<InstallationStore>().ListKeysAsync(TeamsActivities.TenantId, CancellationToken.None).ToListAsync();
        Assert.Equal([$"installations/{TeamsActivities.TenantId}/personal/{new string('@', 128)}"], keys);
    }

    [Fact]
    public async Task Message_IdOverItsLimit_Is400NamingTheLimit()
    {
        var message = Json(new TeamsActivities(new Uri(_connector.ServiceUrl), ConversationId: new string('x', 513)).Message("help"));

        var response = await PostAsync(message.ToJsonString());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(
            """{"error":{"code":"BadArgument","message":"conversation.id is longer than 512 characters."}}""",
            await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Message_FailingOutsideTheTurnInDevelopment_Is500WithNoBodyNotTheDeveloperExceptionPage()
    {
        await using var failing = new FailingBotHost();
        using var client = failing.CreateClient();

        using var response = await client.SendAsync(TeamsActivities.Post(Seller.Message("help")));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(string.Empty, await response.Content.ReadAsStringAsync());
        Assert.Null(response.Content.Headers.ContentType);
    }

    private async Task<HttpResponseMessage> PostAsync(string json) =>
        await _client.PostAsync("/api/messages", new StringContent(json, Encoding.UTF8, "application/json"));

    private async Task AssertNothingChangedAsync()
    {
        Assert.Empty(_connector.Requests);
        Assert.Empty(await _host.Storage.ListKeysAsync(string.Empty, CancellationToken.None).ToListAsync());
    }

    private static JsonObject Json(BotFramework.Schema.Activity activity) =>
        System.Text.Json.JsonSerializer.SerializeToNode(activity, BotFramework.Schema.BotJson.Options)!.AsObject();

    /// <summary>Development host whose bot cannot even be created: a fault of ours, outside the turn's error boundary.</summary>
    private sealed class FailingBotHost : BotHostFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
            {
                services.RemoveAll<IBot>();
                services.AddScoped<IBot>(_ => throw new InvalidOperationException("Bot construction failed: secret detail"));
            });
        }
    }
}
