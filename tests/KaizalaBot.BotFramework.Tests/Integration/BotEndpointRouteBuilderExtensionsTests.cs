using System.Net;
using System.Text;
using System.Text.Json;
using KaizalaBot.BotFramework.Authentication;
using KaizalaBot.BotFramework.Builder;
using KaizalaBot.BotFramework.Connector;
using KaizalaBot.BotFramework.Integration;
using KaizalaBot.BotFramework.Schema;
using KaizalaBot.BotFramework.Testing;
using KaizalaBot.BotFramework.Tests.Testing;
using KaizalaBot.Storage;
using KaizalaBot.Storage.Memory;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;

namespace KaizalaBot.BotFramework.Tests.Integration;

/// <summary>The messaging endpoint through a real Kestrel pipeline on 127.0.0.1 (OS-chosen port).</summary>
public sealed class BotEndpointRouteBuilderExtensionsTests : IAsyncLifetime
{
    private const string ValidActivity = """{"type":"message","id":"1","channelId":"msteams","serviceUrl":"https://smba.trafficmanager.net/emea/","conversation":{"id":"a:c"},"from":{"id":"29:u"},"recipient":{"id":"28:b"},"text":"hi"}""";

    private readonly RecordingConnector _connector = new();
    private readonly FakeAuthenticator _authenticator = new("Bearer good");
    private WebApplication? _app;
    private HttpClient? _client;

    private HttpClient Client => _client!;

    /// <summary>A card as the bot writes one (not ASCII, escaped as the bot's encoder escapes), for the card answer.</summary>
    private const string CardJson = """{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"Étape 3 · «plan» \u0026 \u003Cb\u003E"}]}""";

    /// <summary>Says hello to messages; answers invoke "ping" with "pong", "card" with a card, and leaves other invokes unanswered.</summary>
    private sealed class EndpointBot : IBot
    {
        public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
        {
            if (turnContext.Activity.Type == ActivityTypes.Message)
            {
                await turnContext.SendActivityAsync(MessageFactory.Text("hello"), cancellationToken);
            }
            else if (turnContext.Activity is { Type: ActivityTypes.Invoke, Name: "ping" })
            {
                turnContext.SetInvokeResponse(InvokeResponses.Message("pong"));
            }
            else if (turnContext.Activity is { Type: ActivityTypes.Invoke, Name: "card" })
            {
                turnContext.SetInvokeResponse(InvokeResponses.Card(JsonElement.Parse(CardJson)));
            }
        }
    }

    /// <summary>A dependency failing in a way nobody planned for: the endpoint's own fault, not the caller's.</summary>
    private sealed class ThrowingAuthenticator : IChannelAuthenticator
    {
        public Task<System.Security.Claims.ClaimsIdentity> AuthenticateAsync(
            string? authorizationHeader, Activity activity, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("metadata cache corrupted at 0x1f: internal detail");
    }

    private static WebApplication Build(
        IChannelAuthenticator authenticator, IConnectorClient connector, string maxBody, FakeLogCollector? logs = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        if (logs is not null)
        {
            builder.Logging.AddProvider(new FakeLoggerProvider(logs));
        }

        builder.Configuration["BotAdapter:MaxRequestBodyBytes"] = maxBody;
        builder.Services.AddSingleton<IStorage, MemoryStorage>();
        builder.Services.AddSingleton(authenticator);
        builder.Services.AddSingleton(connector);
        builder.Services.AddBotAdapter<EndpointBot>();
        var app = builder.Build();
        app.MapBotEndpoint("/api/messages");
        return app;
    }

    public async Task InitializeAsync()
    {
        _app = Build(_authenticator, _connector, "2048");
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _client = new HttpClient { BaseAddress = new Uri(address) };
    }

    public async Task DisposeAsync()
    {
        _client?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    private Task<HttpResponseMessage> PostAsync(string body, string? authorization = "Bearer good")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        return Client.SendAsync(request);
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task MapBotEndpoint_OtherVerb_Answers405(string method)
    {
        using var response = await Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), "/api/messages"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task MapBotEndpoint_Head_Answers200WithoutRunningATurn()
    {
        using var response = await Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/api/messages"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(_authenticator.Headers);
        Assert.Empty(_connector.Calls);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("""{"text":"no type"}""")]
    [InlineData("""{"type":""}""")]
    [InlineData("null")]
    [InlineData("[]")]
    public async Task MapBotEndpoint_NotAnActivity_Answers400BeforeAuthentication(string body)
    {
        using var response = await PostAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(_authenticator.Headers);
    }

    [Fact]
    public async Task MapBotEndpoint_DeclaredLengthOverLimit_Answers413()
    {
        using var response = await PostAsync(ValidActivity.Replace("\"hi\"", "\"" + new string('x', 3000) + "\"", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(_connector.Calls);
    }

    [Fact]
    public async Task MapBotEndpoint_ChunkedBodyOverLimit_Answers413()
    {
        var bytes = Encoding.UTF8.GetBytes(ValidActivity.Replace("\"hi\"", "\"" + new string('x', 3000) + "\"", StringComparison.Ordinal));
        var content = new StreamContent(new MemoryStream(bytes));
        content.Headers.ContentType = new("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = content };
        request.Headers.TransferEncodingChunked = true;
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer good");

        using var response = await Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer forged")]
    public async Task MapBotEndpoint_AuthenticationFails_Answers401WithoutDetail(string? authorization)
    {
        using var response = await PostAsync(ValidActivity, authorization);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(string.Empty, await response.Content.ReadAsStringAsync());
        Assert.Empty(_connector.Calls);
    }

    [Fact]
    public async Task MapBotEndpoint_Message_Answers200EmptyAndRepliesThroughConnector()
    {
        using var response = await PostAsync(ValidActivity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(string.Empty, await response.Content.ReadAsStringAsync());
        Assert.Equal("hello", Assert.Single(_connector.Calls).Activity!.Text);
        Assert.Equal("Bearer good", Assert.Single(_authenticator.Headers));
    }

    [Fact]
    public async Task MapBotEndpoint_AnsweredInvoke_WritesInvokeResponseBody()
    {
        using var response = await PostAsync(ValidActivity.Replace("\"type\":\"message\"", "\"type\":\"invoke\",\"name\":\"ping\"", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(
            """{"statusCode":200,"type":"application/vnd.microsoft.activity.message","value":"pong"}""",
            await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Invoke_AnsweredWithACard_SendsTheCardsBytesInsideTheAnswer()
    {
        using var response = await PostAsync(ValidActivity.Replace("\"type\":\"message\"", "\"type\":\"invoke\",\"name\":\"card\"", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        var expected = Encoding.UTF8.GetBytes($$"""{"statusCode":200,"type":"application/vnd.microsoft.card.adaptive","value":{{CardJson}}}""");
        var sent = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(expected, sent);
        Assert.Equal(expected.Length, response.Content.Headers.ContentLength);
    }

    [Fact]
    public async Task MapBotEndpoint_UnansweredInvoke_Answers501()
    {
        using var response = await PostAsync(ValidActivity.Replace("\"type\":\"message\"", "\"type\":\"invoke\",\"name\":\"task/fetch\"", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
    }

    [Fact]
    public async Task MapBotEndpoint_InvalidActivity_Answers400WithTheRuleAndNeverAuthenticates()
    {
        var body = ValidActivity.Replace("\"id\":\"a:c\"", "\"id\":\"" + new string('x', 600) + "\"", StringComparison.Ordinal);

        using var response = await PostAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(
            """{"error":{"code":"BadArgument","message":"conversation.id is longer than 512 characters."}}""",
            await response.Content.ReadAsStringAsync());
        Assert.Empty(_authenticator.Headers);
        Assert.Empty(_connector.Calls);
    }

    [Theory]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("https://evil.example/")]
    [InlineData("http://127.0.0.1:3978/")]
    [InlineData("https://smba.trafficmanager.net/emea/?x=")]
    public async Task MapBotEndpoint_ServiceUrlTheBotMayNotCall_Answers400BeforeTheTurn(string serviceUrl)
    {
        var body = ValidActivity.Replace("https://smba.trafficmanager.net/emea/", serviceUrl, StringComparison.Ordinal);

        using var response = await PostAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("serviceUrl is not an allowed Bot Connector URL.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(_authenticator.Headers);
        Assert.Empty(_connector.Calls);
    }

    [Fact]
    public async Task MapBotEndpoint_UnexpectedFailureOutsideTheTurn_Answers500WithEmptyBodyAndLogsTheError()
    {
        var logs = new FakeLogCollector();
        await using var app = Build(new ThrowingAuthenticator(), _connector, "2048", logs);
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()) };

        using var response = await client.PostAsync("/api/messages", new StringContent(ValidActivity, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(string.Empty, await response.Content.ReadAsStringAsync());
        var error = Assert.Single(logs.GetSnapshot(), r => r.Level == LogLevel.Error);
        Assert.IsType<InvalidOperationException>(error.Exception);
    }

    [Fact]
    public async Task AddBotAdapter_BodyLimitOutOfRange_FailsAtStartNamingTheKey()
    {
        await using var app = Build(_authenticator, _connector, "10");

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains("BotAdapter:MaxRequestBodyBytes", error.Message, StringComparison.Ordinal);
    }
}
