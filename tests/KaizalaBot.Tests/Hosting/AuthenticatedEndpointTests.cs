using System.Net;
using KaizalaBot.Testing.Protocol;
using KaizalaBot.Tests.Support;

namespace KaizalaBot.Tests.Hosting;

/// <summary>
/// With an app id configured the host accepts only valid channel tokens (minted here from the test's own RSA key and
/// served through the test's own OpenID metadata), and its replies carry the outbound token.
/// </summary>
public sealed class AuthenticatedEndpointTests : IAsyncLifetime
{
    private const string AppId = "6a3f5a2e-1111-4c7e-9a55-000000000b07";

    private readonly TestSigningKey _key = new("key-1", "msteams");
    private OpenIdMetadataServer _metadata = null!;
    private RecordingConnectorServer _connector = null!;
    private BotHostFactory _host = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _metadata = await OpenIdMetadataServer.StartAsync();
        _metadata.PublishChannelKey(_key);
        _connector = await RecordingConnectorServer.StartAsync();
        _host = new BotHostFactory(new Dictionary<string, string?>
        {
            ["MicrosoftAppType"] = "MultiTenant",
            ["MicrosoftAppId"] = AppId,
            ["MicrosoftAppPassword"] = "not-a-real-secret",
            ["BotFramework:ChannelOpenIdMetadataUrl"] = _metadata.ChannelMetadataUrl.ToString(),
            ["BotFramework:EntraOpenIdMetadataUrl"] = _metadata.EntraMetadataUrl.ToString(),
        });
        _client = _host.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
        await _metadata.DisposeAsync();
        _key.Dispose();
    }

    private string ChannelToken(string serviceUrl) =>
        TokenMinter.Mint(_key, TokenMinter.ChannelClaims(AppId, serviceUrl), DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(30));

    [Fact]
    public async Task Post_WithoutAuthorization_Is401AndNothingIsSent()
    {
        var response = await _client.SendAsync(TeamsActivities.Post(new TeamsActivities(new Uri(_connector.ServiceUrl)).Message("help")));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(string.Empty, await response.Content.ReadAsStringAsync());
        Assert.Empty(_connector.Requests);
    }

    [Fact]
    public async Task Post_ValidChannelToken_RunsTheTurnAndRepliesWithTheOutboundToken()
    {
        var activities = new TeamsActivities(new Uri(_connector.ServiceUrl));

        var response = await _client.SendAsync(TeamsActivities.Post(activities.Message("help"), ChannelToken(_connector.ServiceUrl)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var call = Assert.Single(_connector.Requests);
        Assert.Equal($"Bearer {FixedBotTokenProvider.Token}", call.Authorization);
    }

    [Fact]
    public async Task Post_TokenIssuedForAnotherServiceUrl_Is401()
    {
        var activities = new TeamsActivities(new Uri(_connector.ServiceUrl));

        var response = await _client.SendAsync(TeamsActivities.Post(activities.Message("help"), ChannelToken("https://smba.trafficmanager.net/emea/")));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_connector.Requests);
    }

    [Fact]
    public async Task Post_TamperedToken_Is401()
    {
        var token = ChannelToken(_connector.ServiceUrl);
        var tampered = token[..^4] + (token[^4] == 'A' ? "BBBB" : "AAAA");

        var response = await _client.SendAsync(TeamsActivities.Post(new TeamsActivities(new Uri(_connector.ServiceUrl)).Message("help"), tampered));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
