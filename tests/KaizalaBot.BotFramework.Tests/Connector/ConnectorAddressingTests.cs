using System.Globalization;
using System.Text.RegularExpressions;
using KaizalaBot.BotFramework.Authentication;
using KaizalaBot.BotFramework.Connector;
using KaizalaBot.BotFramework.Schema;
using KaizalaBot.BotFramework.Tests.Support.Protocol;
using KaizalaBot.Testing.Protocol;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace KaizalaBot.BotFramework.Tests.Connector;

/// <summary>
/// Where the connector sends, judged against a recording server: the exact escaped path whatever the ids, and no call
/// at all (no connection attempt, no token) to a host the serviceUrl policy refuses, with or without an app id.
/// </summary>
public sealed class ConnectorAddressingTests : IAsyncLifetime
{
    private const string AppId = "6c1a7a4e-2d1f-4a8e-9b3c-0f1e2d3c4b5a";

    private readonly FakeBotTokenProvider _tokens = new();
    private RecordingConnectorServer _connector = null!;
    private int _connectionAttempts;

    public async Task InitializeAsync() => _connector = await RecordingConnectorServer.StartAsync();

    public async Task DisposeAsync() => await _connector.DisposeAsync();

    [Theory]
    [InlineData("a/b", "a%2Fb")]
    [InlineData("../../admin", "..%2F..%2Fadmin")]
    [InlineData("a?x=1", "a%3Fx%3D1")]
    [InlineData("a#frag", "a%23frag")]
    [InlineData("%2e%2e", "%252e%252e")]
    [InlineData("100%", "100%25")]
    [InlineData("...", "...")]
    [InlineData("a b\\c", "a%20b%5Cc")]
    [InlineData("19:x@thread.tacv2;messageid=1", "19%3Ax%40thread.tacv2%3Bmessageid%3D1")]
    public async Task Send_HostileConversationAndActivityIds_RequestPathIsExactlyTheEscapedIds(string id, string escaped)
    {
        var client = CreateClient(AppId);

        await client.SendToConversationAsync(Message(id), CancellationToken.None);
        await client.ReplyToActivityAsync(Message(id) with { ReplyToId = id }, CancellationToken.None);
        await client.UpdateActivityAsync(Message(id) with { Id = id }, CancellationToken.None);
        await client.DeleteActivityAsync(_connector.ServiceUrl, id, id, CancellationToken.None);

        Assert.Equal(
            [
                $"POST /emea/v3/conversations/{escaped}/activities",
                $"POST /emea/v3/conversations/{escaped}/activities/{escaped}",
                $"PUT /emea/v3/conversations/{escaped}/activities/{escaped}",
                $"DELETE /emea/v3/conversations/{escaped}/activities/{escaped}",
            ],
            _connector.Requests.Select(r => $"{r.Method} {r.RawTarget}"));
    }

    [Theory]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("\\ud800")]
    [InlineData("a\\udc00")]
    public async Task Send_IdThatCannotBeOnePathSegment_ThrowsAndSendsNothing(string escapedId)
    {
        // Escaped in the attribute: the test runner would turn a lone surrogate into U+FFFD on its way to the test.
        var id = Regex.Unescape(escapedId);
        var client = CreateClient(AppId);

        await Assert.ThrowsAsync<ArgumentException>(() => client.SendToConversationAsync(Message(id), CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(
            () => client.UpdateActivityAsync(Message("a:1") with { Id = id }, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(
            () => client.DeleteActivityAsync(_connector.ServiceUrl, "a:1", id, CancellationToken.None));

        Assert.Empty(_connector.Requests);
    }

    [Theory]
    [InlineData(AppId)]
    [InlineData(null)]
    public async Task Send_DisallowedHost_NoConnectionIsAttemptedWithOrWithoutAppId(string? appId)
    {
        using var handler = CountingHandler();
        var client = CreateClient(appId, handler);
        string[] hostile =
        [
            "http://169.254.169.254/latest/meta-data/",
            "https://10.0.0.1:{0}/",
            "http://dev-tunnel.example.net:{0}/",
            "https://evil.example:{0}/",
            "https://smba.trafficmanager.net:{0}/emea/?next=",
            "https://user:pass@smba.trafficmanager.net:{0}/",
        ];

        foreach (var format in hostile)
        {
            var serviceUrl = string.Format(CultureInfo.InvariantCulture, format, _connector.Port);
            var refused = await Assert.ThrowsAsync<ConnectorException>(
                () => client.SendToConversationAsync(Message("a:1") with { ServiceUrl = serviceUrl }, CancellationToken.None));
            Assert.Equal("UntrustedServiceUrl", refused.ErrorCode);
        }

        Assert.Equal(0, _connectionAttempts);
        Assert.Empty(_connector.Requests);
        Assert.Empty(_tokens.Calls);
    }

    [Fact]
    public async Task Send_NoAppIdAndLoopbackAllowed_SendsWithoutAuthorization()
    {
        var client = CreateClient(appId: null);

        await client.SendToConversationAsync(Message("a:1"), CancellationToken.None);

        Assert.Null(Assert.Single(_connector.Requests).Authorization);
        Assert.Empty(_tokens.Calls);
    }

    [Fact]
    public async Task Send_ConnectorRedirectsElsewhere_RedirectIsNotFollowed()
    {
        await using var elsewhere = await RecordingConnectorServer.StartAsync();
        _connector.Enqueue(new ScriptedResponse(307, Headers: new Dictionary<string, string>
        {
            ["Location"] = elsewhere.ServiceUrl + "v3/conversations/a%3A1/activities",
        }));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["BotFramework:AllowLoopbackServiceUrls"] = "true",
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<IBotTokenProvider>(_tokens);
        services.AddBotConnector(configuration);
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IConnectorClient>();

        var failed = await Assert.ThrowsAsync<ConnectorException>(
            () => client.SendToConversationAsync(Message("a:1"), CancellationToken.None));

        Assert.Equal(System.Net.HttpStatusCode.TemporaryRedirect, failed.StatusCode);
        Assert.Single(_connector.Requests);
        Assert.Empty(elsewhere.Requests);
    }

    private SocketsHttpHandler CountingHandler()
    {
        var handler = _connector.CreateHandlerResolvingEveryHostToServer();
        var connect = handler.ConnectCallback!;
        handler.ConnectCallback = (context, cancellationToken) =>
        {
            Interlocked.Increment(ref _connectionAttempts);
            return connect(context, cancellationToken);
        };
        return handler;
    }

    private ConnectorClient CreateClient(string? appId, HttpMessageHandler? handler = null) =>
        new(
            new HttpClient(handler ?? new SocketsHttpHandler(), disposeHandler: handler is null),
            _tokens,
            Options.Create(new BotConnectorOptions { AllowLoopbackServiceUrls = true }),
            Options.Create(new MicrosoftAppOptions { MicrosoftAppId = appId, MicrosoftAppPassword = appId is null ? null : "not-used" }),
            new FakeTimeProvider(),
            NullLogger<ConnectorClient>.Instance);

    private Activity Message(string conversationId) => new()
    {
        Type = ActivityTypes.Message,
        ServiceUrl = _connector.ServiceUrl,
        ChannelId = Channels.Msteams,
        Conversation = new ConversationAccount { Id = conversationId },
        Text = "Hello",
    };
}
