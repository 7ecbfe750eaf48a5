using System.Net;
using System.Text.Json;
using KaizalaBot.BotFramework.Builder;
using KaizalaBot.BotFramework.Schema;
using KaizalaBot.Storage;
using KaizalaBot.Testing;
using KaizalaBot.Testing.Protocol;
using KaizalaBot.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KaizalaBot.Tests.Bot;

/// <summary>
/// The host as the next features extend it: a bot-level card action is one class and one registration, and reaches the
/// bot ahead of the dialog through the real endpoint; a turn whose caller hangs up still sends its replies.
/// </summary>
public sealed class CardActionRoutingTests : IAsyncLifetime
{
    private readonly BotHostFactory _host = new();
    private RecordingConnectorServer _connector = null!;

    public async Task InitializeAsync() => _connector = await RecordingConnectorServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
    }

    private sealed record SnoozeData
    {
        public required string CustomerId { get; init; }

        public required int Days { get; init; }
    }

    /// <summary>A snooze-like button of the test's own: a verb no product route uses (the host registers its own routes too).</summary>
    private sealed class SnoozeRoute : CardActionRoute<SnoozeData>
    {
        public override string Verb => "testSnooze";

        protected override Task<CardActionResult> OnActionAsync(CardActionContext<SnoozeData> action, CancellationToken cancellationToken) =>
            Task.FromResult(CardActionResult.Message($"{action.Data.CustomerId}: snoozed for {action.Data.Days} days"));
    }

    private HttpClient ClientWith(Action<IServiceCollection> configure) =>
        _host.WithWebHostBuilder(builder => builder.ConfigureTestServices(configure)).CreateClient();

    [Fact]
    public async Task Execute_RegisteredVerb_AnsweredByItsRouteWithItsArguments()
    {
        using var client = ClientWith(services => services.AddCardActionRoute<SnoozeRoute>());
        var seller = new TeamsActivities(new Uri(_connector.ServiceUrl));

        var response = await client.SendAsync(TeamsActivities.Post(seller.Execute("testSnooze", """{"customerId":"contoso","days":7}""")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("contoso: snoozed for 7 days", body.GetProperty("value").GetString());
    }

    [Fact]
    public async Task Submit_RegisteredVerb_SameRouteAnswersInTheChat()
    {
        using var client = ClientWith(services => services.AddCardActionRoute<SnoozeRoute>());
        var seller = new TeamsActivities(new Uri(_connector.ServiceUrl));

        await client.SendAsync(TeamsActivities.Post(seller.Submit("""{"verb":"testSnooze","customerId":"contoso","days":7}""")));

        Assert.Equal("contoso: snoozed for 7 days", Assert.Single(_connector.SentMessages()).Text);
    }

    [Fact]
    public async Task Execute_RegisteredVerbWithForgedData_Gets400AndNothingElse()
    {
        using var client = ClientWith(services => services.AddCardActionRoute<SnoozeRoute>());
        var seller = new TeamsActivities(new Uri(_connector.ServiceUrl));

        var response = await client.SendAsync(TeamsActivities.Post(seller.Execute("testSnooze", """{"customerId":"contoso","days":"forever"}""")));

        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(400, body.GetProperty("statusCode").GetInt32());
        Assert.Empty(_connector.Requests);
    }

    [Fact]
    public async Task Install_ChannelHangsUpAfterTheStateSave_WelcomeStillSent()
    {
        using var hangUp = new CancellationTokenSource();
        using var client = ClientWith(services =>
        {
            services.RemoveAll<IStorage>();
            services.AddSingleton<IStorage>(new HangUpOnWriteStorage(new KaizalaBot.Storage.Memory.MemoryStorage(), hangUp));
        });
        var seller = new TeamsActivities(new Uri(_connector.ServiceUrl));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => client.SendAsync(TeamsActivities.Post(seller.InstallationAdd()), hangUp.Token));

        await _connector.WaitForRequestsAsync(1);
        Assert.Equal("Welcome to KaizalaBot", _connector.SentMessages().Single().Attachments!.Single().Content!.Value.GetProperty("body")[0].GetProperty("text").GetString());
    }

    /// <summary>Storage whose first write makes the channel give up waiting, as Teams does after about 15 seconds.</summary>
    private sealed class HangUpOnWriteStorage(IStorage inner, CancellationTokenSource hangUp) : IStorage
    {
        public Task<StoredDocument?> ReadAsync(string key, CancellationToken cancellationToken) => inner.ReadAsync(key, cancellationToken);

        public async Task<string> WriteAsync(string key, JsonElement content, WriteCondition condition, CancellationToken cancellationToken)
        {
            var eTag = await inner.WriteAsync(key, content, condition, cancellationToken);
            await hangUp.CancelAsync();
            return eTag;
        }

        public Task DeleteAsync(string key, WriteCondition condition, CancellationToken cancellationToken) =>
            inner.DeleteAsync(key, condition, cancellationToken);

        public IAsyncEnumerable<string> ListKeysAsync(string prefix, CancellationToken cancellationToken) =>
            inner.ListKeysAsync(prefix, cancellationToken);
    }
}
