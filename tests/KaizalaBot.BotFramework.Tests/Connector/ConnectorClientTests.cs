using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using KaizalaBot.BotFramework.Authentication;
using KaizalaBot.BotFramework.Connector;
using KaizalaBot.BotFramework.Schema;
using KaizalaBot.BotFramework.Tests.Support.Protocol;
using KaizalaBot.Testing.Protocol;
using KaizalaBot.Testing.Time;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;

namespace KaizalaBot.BotFramework.Tests.Connector;

public sealed class ConnectorClientTests : IAsyncLifetime
{
    private const string AppId = "6c1a7a4e-2d1f-4a8e-9b3c-0f1e2d3c4b5a";
    private const string ConversationId = "19:d0c8ee4b8a2e4ab8a5c7e4f8b1a1c2d3@thread.tacv2;messageid=1575667808184";
    private const string EscapedConversationId = "19%3Ad0c8ee4b8a2e4ab8a5c7e4f8b1a1c2d3%40thread.tacv2%3Bmessageid%3D1575667808184";
    private const string ActivityId = "1:1pEmTGO|lNx";
    private const string EscapedActivityId = "1%3A1pEmTGO%7ClNx";

    // Longer than any retry delay, so virtual time never fires it while a real request is in flight.
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan MaxVirtualStep = TimeSpan.FromMinutes(2);

    private readonly TrackingFakeTimeProvider _time = new();
    private readonly FakeBotTokenProvider _tokens = new();
    private readonly FakeLogger<ConnectorClient> _logger = new();
    private readonly List<ServiceProvider> _services = [];
    private RecordingConnectorServer _connector = null!;

    public async Task InitializeAsync() => _connector = await RecordingConnectorServer.StartAsync();

    public async Task DisposeAsync()
    {
        foreach (var services in _services)
        {
            await services.DisposeAsync();
        }

        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task SendToConversationAsync_Message_PostsToActivitiesWithTokenAndWithoutId()
    {
        var client = CreateClient();
        var activity = Message() with { Id = "must-not-be-sent" };

        var response = await client.SendToConversationAsync(activity, CancellationToken.None);

        var request = Assert.Single(_connector.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal($"/emea/v3/conversations/{EscapedConversationId}/activities", request.RawTarget);
        Assert.Equal("Bearer token-1", request.Authorization);
        Assert.Equal("application/json; charset=utf-8", request.ContentType);
        var body = JsonNode.Parse(request.Body)!.AsObject();
        Assert.False(body.ContainsKey("id"));
        Assert.Equal("message", body["type"]!.GetValue<string>());
        Assert.Equal("Hello", body["text"]!.GetValue<string>());
        Assert.Equal(ConversationId, body["conversation"]!["id"]!.GetValue<string>());
        Assert.False(body.ContainsKey("replyToId"));
        Assert.Equal("activity-1", response.Id);
    }

    [Fact]
    public async Task ReplyToActivityAsync_Message_PostsUnderTheRepliedActivityWithoutId()
    {
        var client = CreateClient();
        var activity = Message() with { Id = "own-id", ReplyToId = ActivityId };

        await client.ReplyToActivityAsync(activity, CancellationToken.None);

        var request = Assert.Single(_connector.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal($"/emea/v3/conversations/{EscapedConversationId}/activities/{EscapedActivityId}", request.RawTarget);
        var body = JsonNode.Parse(request.Body)!.AsObject();
        Assert.False(body.ContainsKey("id"));
        Assert.Equal(ActivityId, body["replyToId"]!.GetValue<string>());
        Assert.Equal("Bearer token-1", request.Authorization);
    }

    [Fact]
    public async Task ReplyToActivityAsync_WithoutReplyToId_ThrowsArgumentExceptionAndSendsNothing()
    {
        var client = CreateClient();

        await Assert.ThrowsAsync<ArgumentException>(() => client.ReplyToActivityAsync(Message(), CancellationToken.None));

        Assert.Empty(_connector.Requests);
    }

    [Fact]
    public async Task UpdateActivityAsync_Card_PutsTheWholeActivityWithItsId()
    {
        var client = CreateClient();
        var card = JsonSerializer.SerializeToElement(new { type = "AdaptiveCard", version = "1.5" });
        var activity = Message() with
        {
            Id = ActivityId,
            Text = null,
            Attachments = [new Attachment { ContentType = ContentTypes.AdaptiveCard, Content = card }],
        };

        await client.UpdateActivityAsync(activity, CancellationToken.None);

        var request = Assert.Single(_connector.Requests);
        Assert.Equal("PUT", request.Method);
        Assert.Equal($"/emea/v3/conversations/{EscapedConversationId}/activities/{EscapedActivityId}", request.RawTarget);
        var body = JsonNode.Parse(request.Body)!.AsObject();
        Assert.Equal(ActivityId, body["id"]!.GetValue<string>());
        Assert.Equal("1.5", body["attachments"]![0]!["content"]!["version"]!.GetValue<string>());
        Assert.Equal("Bearer token-1", request.Authorization);
    }

    [Fact]
    public async Task UpdateActivityAsync_WithoutId_ThrowsArgumentExceptionAndSendsNothing()
    {
        var client = CreateClient();

        await Assert.ThrowsAsync<ArgumentException>(() => client.UpdateActivityAsync(Message(), CancellationToken.None));

        Assert.Empty(_connector.Requests);
    }

    [Fact]
    public async Task DeleteActivityAsync_Ids_SendsDeleteToEscapedPath()
    {
        var client = CreateClient();
        _connector.Enqueue(new ScriptedResponse(200));

        await client.DeleteActivityAsync(_connector.ServiceUrl, ConversationId, ActivityId, CancellationToken.None);

        var request = Assert.Single(_connector.Requests);
        Assert.Equal("DELETE", request.Method);
        Assert.Equal($"/emea/v3/conversations/{EscapedConversationId}/activities/{EscapedActivityId}", request.RawTarget);
        Assert.Equal("Bearer token-1", request.Authorization);
        Assert.Equal(string.Empty, request.Body);
    }

    [Fact]
    public async Task CreateConversationAsync_TeamsPersonalChat_PostsTeamsShapeAndReturnsConversationId()
    {
        var client = CreateClient();
        _connector.Enqueue(new ScriptedResponse(201, """{"id":"a:1pEmTGOlNxVpm"}"""));
        var parameters = TeamsConversations.PersonalChat(
            new ChannelAccount { Id = "28:" + AppId, Name = "KaizalaBot" },
            new ChannelAccount { Id = TeamsActivitySamples.UserId },
            TeamsActivitySamples.TenantId);

        var response = await client.CreateConversationAsync(_connector.ServiceUrl.TrimEnd('/'), parameters, CancellationToken.None);

        var request = Assert.Single(_connector.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/emea/v3/conversations", request.RawTarget);
        Assert.Equal("Bearer token-1", request.Authorization);
        var expected = JsonNode.Parse($$"""
            {
              "isGroup": false,
              "bot": { "id": "28:{{AppId}}", "name": "KaizalaBot" },
              "members": [ { "id": "{{TeamsActivitySamples.UserId}}" } ],
              "tenantId": "{{TeamsActivitySamples.TenantId}}",
              "channelData": { "tenant": { "id": "{{TeamsActivitySamples.TenantId}}" } }
            }
            """);
        Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(request.Body)), request.Body);
        Assert.Equal("a:1pEmTGOlNxVpm", response.Id);
    }

    [Theory]
    [InlineData("emea/")]
    [InlineData("emea")]
    public async Task SendToConversationAsync_ServiceUrlWithOrWithoutTrailingSlash_BuildsTheSamePath(string suffix)
    {
        var client = CreateClient();
        var serviceUrl = _connector.ServiceUrl.Replace("emea/", suffix, StringComparison.Ordinal);

        await client.SendToConversationAsync(Message() with { ServiceUrl = serviceUrl }, CancellationToken.None);

        Assert.Equal($"/emea/v3/conversations/{EscapedConversationId}/activities", Assert.Single(_connector.Requests).RawTarget);
    }

    [Theory]
    [InlineData("https://evil.example.com:{0}/")]
    [InlineData("https://smba.trafficmanager.net.evil.example.com:{0}/")]
    [InlineData("https://notbotframework.com:{0}/")]
    [InlineData("http://smba.trafficmanager.net:{0}/")]
    public async Task SendToConversationAsync_HostNotAllowed_RefusesWithoutContactingIt(string serviceUrlFormat)
    {
        using var handler = _connector.CreateHandlerResolvingEveryHostToServer();
        var client = CreateClient(handler: handler);
        var serviceUrl = string.Format(System.Globalization.CultureInfo.InvariantCulture, serviceUrlFormat, _connector.Port);

        var exception = await Assert.ThrowsAsync<ConnectorException>(
            () => client.SendToConversationAsync(Message() with { ServiceUrl = serviceUrl }, CancellationToken.None));

        Assert.Equal("UntrustedServiceUrl", exception.ErrorCode);
        Assert.Empty(_connector.Requests);
        Assert.Empty(_tokens.Calls);
    }

    [Fact]
    public async Task SendToConversationAsync_LoopbackWithoutDevelopmentFlag_RefusesWithoutContactingIt()
    {
        var client = CreateClient(options: new BotConnectorOptions { AllowLoopbackServiceUrls = false, RequestTimeout = RequestTimeout });

        var exception = await Assert.ThrowsAsync<ConnectorException>(
            () => client.SendToConversationAsync(Message(), CancellationToken.None));

        Assert.Equal("UntrustedServiceUrl", exception.ErrorCode);
        Assert.Empty(_connector.Requests);
    }

    [Theory]
    [InlineData("7")]
    [InlineData("45")]
    public async Task SendToConversationAsync_429WithRetryAfterSeconds_WaitsThatLongThenSucceeds(string retryAfter)
    {
        var client = CreateClient();
        _connector.Enqueue(new ScriptedResponse(429, """{"error":{"code":"Throttled"}}""", Headers(("Retry-After", retryAfter))));

        var response = await _time.RunAsync(client.SendToConversationAsync(Message(), CancellationToken.None), MaxVirtualStep);

        Assert.Equal("activity-2", response.Id);
        Assert.Equal(2, _connector.Requests.Count);
        Assert.Equal([TimeSpan.FromSeconds(int.Parse(retryAfter, System.Globalization.CultureInfo.InvariantCulture))], RetryDelays());
    }

    [Fact]
    public async Task SendToConversationAsync_429WithRetryAfterDate_WaitsUntilThatDate()
    {
        var client = CreateClient();
        var retryAt = _time.GetUtcNow().AddSeconds(10).ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        _connector.Enqueue(new ScriptedResponse(429, null, Headers(("Retry-After", retryAt))));

        await _time.RunAsync(client.SendToConversationAsync(Message(), CancellationToken.None), MaxVirtualStep);

        Assert.Equal(2, _connector.Requests.Count);
        Assert.Equal([TimeSpan.FromSeconds(10)], RetryDelays());
    }

    [Fact]
    public async Task SendToConversationAsync_429WithRetryAfterBeyondLimit_SurfacesRetryAfterWithoutWaiting()
    {
        var client = CreateClient();
        _connector.Enqueue(new ScriptedResponse(429, """{"error":{"code":"Throttled","message":"slow down"}}""", Headers(("Retry-After", "3600"))));

        var exception = await Assert.ThrowsAsync<ConnectorException>(
            () => client.SendToConversationAsync(Message(), CancellationToken.None));

        Assert.Equal(HttpStatusCode.TooManyRequests, exception.StatusCode);
        Assert.Equal(TimeSpan.FromHours(1), exception.RetryAfter);
        Assert.Single(_connector.Requests);
    }

    [Fact]
    public async Task SendToConversationAsync_InTurn429WithRetryAfterPastTheDeadline_FailsAtOnceWithRetryAfter()
    {
        var client = CreateClient();
        _services[^1].GetRequiredService<OutboundDeadline>().Enter(_time.GetUtcNow().AddSeconds(5));
        _connector.Enqueue(new ScriptedResponse(429, """{"error":{"code":"Throttled"}}""", Headers(("Retry-After", "10"))));

        var exception = await Assert.ThrowsAsync<ConnectorException>(() => client.SendToConversationAsync(Message(), CancellationToken.None));

        Assert.Equal(HttpStatusCode.TooManyRequests, exception.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(10), exception.RetryAfter);
        Assert.Single(_connector.Requests);
        Assert.Empty(RetryDelays());
    }

    [Fact]
    public async Task SendToConversationAsync_InTurn503WithLessTimeLeftThanTheBackoff_FailsAfterOneAttempt()
    {
        var client = CreateClient();
        _services[^1].GetRequiredService<OutboundDeadline>().Enter(_time.GetUtcNow().AddSeconds(1));
        _connector.Enqueue(new ScriptedResponse(503));

        var exception = await Assert.ThrowsAsync<ConnectorException>(() => client.SendToConversationAsync(Message(), CancellationToken.None));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, exception.StatusCode);
        Assert.Single(_connector.Requests);
    }

    [Fact]
    public async Task SendToConversationAsync_InTurnWhileTeamsHoldsTheConversation_FailsThrottledWithoutSending()
    {
        var client = CreateClient();
        _connector.Enqueue(new ScriptedResponse(429, null, Headers(("Retry-After", "50"))), new ScriptedResponse(200, """{"id":"late"}"""));
        await _time.RunAsync(client.SendToConversationAsync(Message(), CancellationToken.None), MaxVirtualStep);
        _services[^1].GetRequiredService<OutboundDeadline>().Enter(_time.GetUtcNow().AddSeconds(12));
        _services[^1].GetRequiredService<TeamsRateLimiter>().Pause(new OutboundRequest(ConversationId, null, null), TimeSpan.FromSeconds(30));

        var exception = await Assert.ThrowsAsync<ConnectorException>(() => client.SendToConversationAsync(Message(), CancellationToken.None));

        Assert.Equal(ConnectorErrorCodes.Throttled, exception.ErrorCode);
        Assert.Equal(TimeSpan.FromSeconds(30), exception.RetryAfter);
        Assert.Equal(2, _connector.Requests.Count);
    }

    [Theory]
    [InlineData(412)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task SendToConversationAsync_TransientStatus_RetriedWithGrowingBackoff(int status)
    {
        var client = CreateClient();
        _connector.Enqueue(new ScriptedResponse(status), new ScriptedResponse(status));

        var response = await _time.RunAsync(client.SendToConversationAsync(Message(), CancellationToken.None), MaxVirtualStep);

        Assert.Equal("activity-3", response.Id);
        Assert.Equal(3, _connector.Requests.Count);
        var delays = RetryDelays();
        Assert.Equal(2, delays.Count);
        Assert.All(delays, d => Assert.InRange(d, TimeSpan.Zero, new BotConnectorOptions().RetryMaxDelay));
    }

    [Fact]
    public async Task SendToConversationAsync_TransientStatusEveryTime_GivesUpAfterBoundedAttempts()
    {
        var client = CreateClient();
        _connector.Enqueue(Enumerable.Repeat(new ScriptedResponse(503, """{"error":{"code":"ServiceError"}}"""), 10).ToArray());

        var exception = await Assert.ThrowsAsync<ConnectorException>(
            () => _time.RunAsync(client.SendToConversationAsync(Message(), CancellationToken.None), MaxVirtualStep));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, exception.StatusCode);
        Assert.Equal(1 + new BotConnectorOptions().MaxRetryAttempts, _connector.Requests.Count);
    }

    [Theory]
    [InlineData(400, """{"error":{"code":"BadArgument","message":"Unknown activity type"}}""", "BadArgument", null, false)]
    [InlineData(403, """{"error":{"code":"BotNotInConversationRoster","message":"The bot is not part of the conversation roster."}}""", "BotNotInConversationRoster", null, true)]
    [InlineData(403, """{"errorCode":209,"message":"{\"subCode\":\"MessageWritesBlocked\",\"message\":\"Thread is blocked\"}"}""", "209", "MessageWritesBlocked", true)]
    [InlineData(403, """{"error":{"code":"InvalidBotApiHost","message":"use the GCC host"}}""", "InvalidBotApiHost", null, false)]
    [InlineData(404, """{"error":{"code":"ConversationNotFound","message":"Conversation not found."}}""", "ConversationNotFound", null, false)]
    [InlineData(500, """{"error":{"code":"ServiceError"}}""", "ServiceError", null, false)]
    [InlineData(413, "<html>too big</html>", null, null, false)]
    public async Task SendToConversationAsync_NonRetryableError_ThrowsConnectorExceptionAfterOneAttempt(
        int status, string body, string? code, string? subCode, bool conversationGone)
    {
        var client = CreateClient();
        _connector.Enqueue(new ScriptedResponse(status, body));

        var exception = await Assert.ThrowsAsync<ConnectorException>(
            () => client.SendToConversationAsync(Message(), CancellationToken.None));

        Assert.Single(_connector.Requests);
        Assert.Equal((HttpStatusCode)status, exception.StatusCode);
        Assert.Equal(code, exception.ErrorCode);
        Assert.Equal(subCode, exception.SubCode);
        Assert.Equal(conversationGone, exception.IsConversationGone);
        Assert.Equal("op-1", exception.CorrelationId);
    }

    [Fact]
    public async Task SendToConversationAsync_401_ReacquiresTokenOnceWithForceRefreshAndRetries()
    {
        var client = CreateClient();
        _connector.Enqueue(new ScriptedResponse(401, """{"error":{"code":"Unauthorized"}}"""));

        var response = await client.SendToConversationAsync(Message(), CancellationToken.None);

        Assert.Equal("activity-2", response.Id);
        Assert.Equal(["Bearer token-1", "Bearer token-2"], _connector.Requests.Select(r => r.Authorization));
        Assert.Equal([false, true], _tokens.Calls);
    }

    [Fact]
    public async Task SendToConversationAsync_401Twice_ThrowsAfterASingleRefresh()
    {
        var client = CreateClient();
        _connector.Enqueue(new ScriptedResponse(401), new ScriptedResponse(401), new ScriptedResponse(401));

        var exception = await Assert.ThrowsAsync<ConnectorException>(
            () => client.SendToConversationAsync(Message(), CancellationToken.None));

        Assert.Equal(HttpStatusCode.Unauthorized, exception.StatusCode);
        Assert.Equal(2, _connector.Requests.Count);
        Assert.Equal([false, true], _tokens.Calls);
    }

    [Fact]
    public async Task SendToConversationAsync_SuccessWithUnreadableBody_ReturnsNoIdInsteadOfThrowing()
    {
        var client = CreateClient();
        _connector.Enqueue(new ScriptedResponse(201, "<ok/>"));

        var response = await client.SendToConversationAsync(Message(), CancellationToken.None);

        Assert.Null(response.Id);
        Assert.Single(_connector.Requests);
    }

    [Fact]
    public async Task SendToConversationAsync_ConnectorUnreachable_ThrowsConnectorExceptionWithoutRetrying()
    {
        var client = CreateClient();
        var serviceUrl = _connector.ServiceUrl;
        await _connector.DisposeAsync();

        var exception = await Assert.ThrowsAsync<ConnectorException>(
            () => client.SendToConversationAsync(Message() with { ServiceUrl = serviceUrl }, CancellationToken.None));

        Assert.Equal("NetworkError", exception.ErrorCode);
        Assert.Null(exception.StatusCode);
        Assert.Equal([false], _tokens.Calls);
        var logged = Assert.Single(_logger.Collector.GetSnapshot(), r => r.Level == Microsoft.Extensions.Logging.LogLevel.Warning);
        Assert.Null(logged.Exception);
        Assert.EndsWith("failed before any answer: ConnectionError", logged.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendToConversationAsync_Failure_NeverLogsTheToken()
    {
        var client = CreateClient();
        _connector.Enqueue(new ScriptedResponse(401), new ScriptedResponse(403, """{"error":{"code":"BotDisabledByAdmin"}}"""));

        await Assert.ThrowsAsync<ConnectorException>(() => client.SendToConversationAsync(Message(), CancellationToken.None));

        Assert.NotEmpty(_logger.Collector.GetSnapshot());
        Assert.All(_logger.Collector.GetSnapshot(), e => Assert.DoesNotContain("token-", e.Message, StringComparison.Ordinal));
    }

    private IConnectorClient CreateClient(string? appId = AppId, HttpMessageHandler? handler = null, BotConnectorOptions? options = null)
    {
        var services = ConnectorServices.Create(
            _time,
            options ?? new BotConnectorOptions { AllowLoopbackServiceUrls = true, RequestTimeout = RequestTimeout },
            appId,
            _tokens,
            handler ?? new SocketsHttpHandler(),
            _logger);
        _services.Add(services);
        return services.GetRequiredService<IConnectorClient>();
    }

    private Activity Message() => new()
    {
        Type = ActivityTypes.Message,
        ServiceUrl = _connector.ServiceUrl,
        ChannelId = Channels.Msteams,
        From = new ChannelAccount { Id = "28:" + AppId, Name = "KaizalaBot" },
        Recipient = new ChannelAccount { Id = TeamsActivitySamples.UserId },
        Conversation = new ConversationAccount { Id = ConversationId },
        Text = "Hello",
    };

    private List<TimeSpan> RetryDelays() => _time.RequestedDelays.Where(d => d != RequestTimeout).ToList();

    private static Dictionary<string, string> Headers(params (string Name, string Value)[] headers) =>
        headers.ToDictionary(h => h.Name, h => h.Value);
}
