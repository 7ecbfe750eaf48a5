using KaizalaBot.BotFramework.Authentication;
using KaizalaBot.BotFramework.Schema;
using KaizalaBot.BotFramework.Tests.Support.Protocol;
using KaizalaBot.Testing.Protocol;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.Tokens;

namespace KaizalaBot.BotFramework.Tests.Authentication;

public sealed class ChannelAuthenticatorTests(SigningKeysFixture keys) : IAsyncLifetime, IClassFixture<SigningKeysFixture>
{
    private const string AppId = "6c1a7a4e-2d1f-4a8e-9b3c-0f1e2d3c4b5a";
    private const string TenantId = "3f2e1d0c-9b8a-4c7d-8e6f-5a4b3c2d1e0f";
    private const string OtherTenantId = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
    private const string ServiceUrl = "https://smba.trafficmanager.net/emea/";

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly TestHttpClientFactory _httpClientFactory = new();
    private readonly FakeLogger<ChannelAuthenticator> _logger = new();
    private readonly TestSigningKey _teamsKey = keys.Teams;
    private readonly TestSigningKey _entraKey = keys.Entra;
    private OpenIdMetadataServer _metadata = null!;

    public async Task InitializeAsync()
    {
        _metadata = await OpenIdMetadataServer.StartAsync();
        _metadata.PublishChannelKey(_teamsKey);
        _metadata.PublishEntraKey(_entraKey);
    }

    public async Task DisposeAsync()
    {
        await _metadata.DisposeAsync();
        _httpClientFactory.Dispose();
    }

    [Fact]
    public async Task AuthenticateAsync_ValidChannelToken_ReturnsIdentityWithTokenClaims()
    {
        var authenticator = CreateAuthenticator();
        var token = MintChannel(_teamsKey);

        var identity = await authenticator.AuthenticateAsync($"Bearer {token}", TeamsActivity(), CancellationToken.None);

        Assert.True(identity.IsAuthenticated);
        Assert.Equal(TokenMinter.ChannelIssuer, identity.FindFirst("iss")?.Value);
        Assert.Equal(ServiceUrl, identity.FindFirst("serviceurl")?.Value);
        Assert.Equal(AppId, identity.FindFirst("aud")?.Value);
    }

    [Fact]
    public async Task AuthenticateAsync_AlgNone_Throws()
    {
        var authenticator = CreateAuthenticator();
        var token = TokenMinter.MintUnsigned(_teamsKey.KeyId, ChannelClaims(), Now, Now.AddHours(1));

        await AssertRefusedAsync(authenticator, token, TeamsActivity());
    }

    [Fact]
    public async Task AuthenticateAsync_Hs256SignedWithSharedSecret_Throws()
    {
        var authenticator = CreateAuthenticator();
        var token = TokenMinter.MintHs256(_teamsKey.KeyId, ChannelClaims(), Now, Now.AddHours(1));

        await AssertRefusedAsync(authenticator, token, TeamsActivity());
    }

    [Theory]
    [InlineData(SecurityAlgorithms.RsaSsaPssSha256)]
    [InlineData(SecurityAlgorithms.RsaSsaPssSha512)]
    public async Task AuthenticateAsync_AlgorithmOutsideRsaAllowList_Throws(string algorithm)
    {
        var authenticator = CreateAuthenticator();
        var token = TokenMinter.Mint(_teamsKey, ChannelClaims(), Now, Now.AddHours(1), algorithm);

        await AssertRefusedAsync(authenticator, token, TeamsActivity());
    }

    [Theory]
    [InlineData(SecurityAlgorithms.RsaSha384)]
    [InlineData(SecurityAlgorithms.RsaSha512)]
    public async Task AuthenticateAsync_Rs384OrRs512_Succeeds(string algorithm)
    {
        var authenticator = CreateAuthenticator();
        var token = TokenMinter.Mint(_teamsKey, ChannelClaims(), Now, Now.AddHours(1), algorithm);

        var identity = await authenticator.AuthenticateAsync($"Bearer {token}", TeamsActivity(), CancellationToken.None);

        Assert.True(identity.IsAuthenticated);
    }

    [Fact]
    public async Task AuthenticateAsync_ExpiredBeyondSkew_Throws()
    {
        var authenticator = CreateAuthenticator();
        var token = TokenMinter.Mint(_teamsKey, ChannelClaims(), Now.AddHours(-1), Now.AddMinutes(-6));

        await AssertRefusedAsync(authenticator, token, TeamsActivity());
        Assert.Contains(_logger.Collector.GetSnapshot(), e => e.GetStructuredStateValue("Reason") == AuthenticationFailure.Expired.ToString());
    }

    [Fact]
    public async Task AuthenticateAsync_NotYetValidBeyondSkew_Throws()
    {
        var authenticator = CreateAuthenticator();
        var token = TokenMinter.Mint(_teamsKey, ChannelClaims(), Now.AddMinutes(6), Now.AddHours(1));

        await AssertRefusedAsync(authenticator, token, TeamsActivity());
        Assert.Contains(_logger.Collector.GetSnapshot(), e => e.GetStructuredStateValue("Reason") == AuthenticationFailure.NotYetValid.ToString());
    }

    [Fact]
    public async Task AuthenticateAsync_ExpiredAndNotBeforeWithinSkew_Succeeds()
    {
        var authenticator = CreateAuthenticator();
        var expiredRecently = TokenMinter.Mint(_teamsKey, ChannelClaims(), Now.AddHours(-1), Now.AddMinutes(-4));
        var validSoon = TokenMinter.Mint(_teamsKey, ChannelClaims(), Now.AddMinutes(4), Now.AddHours(1));

        var first = await authenticator.AuthenticateAsync($"Bearer {expiredRecently}", TeamsActivity(), CancellationToken.None);
        var second = await authenticator.AuthenticateAsync($"Bearer {validSoon}", TeamsActivity(), CancellationToken.None);

        Assert.True(first.IsAuthenticated);
        Assert.True(second.IsAuthenticated);
    }

    [Fact]
    public async Task AuthenticateAsync_WrongAudience_Throws()
    {
        var authenticator = CreateAuthenticator();
        var claims = ChannelClaims();
        claims["aud"] = "11111111-2222-3333-4444-555555555555";
        var token = TokenMinter.Mint(_teamsKey, claims, Now, Now.AddHours(1));

        await AssertRefusedAsync(authenticator, token, TeamsActivity());
        Assert.Contains(_logger.Collector.GetSnapshot(), e => e.GetStructuredStateValue("Reason") == AuthenticationFailure.InvalidAudience.ToString());
    }

    [Theory]
    [InlineData("https://api.botframework.com/")]
    [InlineData("https://API.botframework.com")]
    [InlineData("https://evil.example.com")]
    public async Task AuthenticateAsync_IssuerNotExactlyBotFramework_Throws(string issuer)
    {
        var authenticator = CreateAuthenticator();
        var claims = ChannelClaims();
        claims["iss"] = issuer;
        var token = TokenMinter.Mint(_teamsKey, claims, Now, Now.AddHours(1));

        await AssertRefusedAsync(authenticator, token, TeamsActivity());
    }

    [Fact]
    public async Task AuthenticateAsync_UnknownKidPublishedLater_RefreshesOnceAndSucceeds()
    {
        var authenticator = CreateAuthenticator();
        await authenticator.AuthenticateAsync($"Bearer {MintChannel(_teamsKey)}", TeamsActivity(), CancellationToken.None);
        var rolledKey = keys.Rolled;
        _metadata.PublishChannelKey(rolledKey);

        var identity = await authenticator.AuthenticateAsync($"Bearer {MintChannel(rolledKey)}", TeamsActivity(), CancellationToken.None);

        Assert.True(identity.IsAuthenticated);
        Assert.Equal(2, _metadata.ChannelJwksRequests);
    }

    [Fact]
    public async Task AuthenticateAsync_UnknownKidNeverPublished_RefreshesOnceThenThrows()
    {
        var authenticator = CreateAuthenticator();
        var strangerKey = keys.Stranger;
        var token = MintChannel(strangerKey);

        await AssertRefusedAsync(authenticator, token, TeamsActivity());
        await AssertRefusedAsync(authenticator, token, TeamsActivity());

        // One initial download plus ONE forced refresh; the second attempt falls inside the forced-refresh interval.
        Assert.Equal(2, _metadata.ChannelJwksRequests);
        Assert.Contains(_logger.Collector.GetSnapshot(), e => e.GetStructuredStateValue("Reason") == AuthenticationFailure.UnknownSigningKey.ToString());
    }

    [Fact]
    public async Task AuthenticateAsync_KeyWithoutEndorsements_Throws()
    {
        var authenticator = CreateAuthenticator();
        var bareKey = keys.Unendorsed;
        _metadata.PublishChannelKey(bareKey);

        await AssertRefusedAsync(authenticator, MintChannel(bareKey), TeamsActivity());
        Assert.Contains(_logger.Collector.GetSnapshot(), e => e.GetStructuredStateValue("Reason") == AuthenticationFailure.MissingEndorsement.ToString());
    }

    [Fact]
    public async Task AuthenticateAsync_KeyEndorsedForAnotherChannel_Throws()
    {
        var authenticator = CreateAuthenticator();
        var webchatKey = keys.WebchatOnly;
        _metadata.PublishChannelKey(webchatKey);

        await AssertRefusedAsync(authenticator, MintChannel(webchatKey), TeamsActivity());
    }

    [Fact]
    public async Task AuthenticateAsync_ActivityWithoutChannelId_Throws()
    {
        var authenticator = CreateAuthenticator();

        await AssertRefusedAsync(authenticator, MintChannel(_teamsKey), TeamsActivity() with { ChannelId = null });
    }

    [Fact]
    public async Task AuthenticateAsync_ServiceUrlMismatch_Throws()
    {
        var authenticator = CreateAuthenticator();
        var activity = TeamsActivity() with { ServiceUrl = "https://attacker.example.com/" };

        await AssertRefusedAsync(authenticator, MintChannel(_teamsKey), activity);
        Assert.Contains(_logger.Collector.GetSnapshot(), e => e.GetStructuredStateValue("Reason") == AuthenticationFailure.ServiceUrlMismatch.ToString());
    }

    [Fact]
    public async Task AuthenticateAsync_ServiceUrlDiffersOnlyInCase_Succeeds()
    {
        var authenticator = CreateAuthenticator();
        var activity = TeamsActivity() with { ServiceUrl = ServiceUrl.ToUpperInvariant() };

        var identity = await authenticator.AuthenticateAsync($"Bearer {MintChannel(_teamsKey)}", activity, CancellationToken.None);

        Assert.True(identity.IsAuthenticated);
    }

    [Fact]
    public async Task AuthenticateAsync_MissingServiceUrlClaim_Throws()
    {
        var authenticator = CreateAuthenticator();
        var claims = ChannelClaims();
        claims.Remove("serviceurl");
        var token = TokenMinter.Mint(_teamsKey, claims, Now, Now.AddHours(1));

        await AssertRefusedAsync(authenticator, token, TeamsActivity());
        Assert.Contains(_logger.Collector.GetSnapshot(), e => e.GetStructuredStateValue("Reason") == AuthenticationFailure.MissingServiceUrlClaim.ToString());
    }

    [Fact]
    public async Task AuthenticateAsync_TamperedPayload_Throws()
    {
        var authenticator = CreateAuthenticator();
        var token = TokenMinter.Tamper(MintChannel(_teamsKey), "serviceurl", "https://attacker.example.com/");
        var activity = TeamsActivity() with { ServiceUrl = "https://attacker.example.com/" };

        await AssertRefusedAsync(authenticator, token, activity);
        Assert.Contains(_logger.Collector.GetSnapshot(), e => e.GetStructuredStateValue("Reason") == AuthenticationFailure.InvalidSignature.ToString());
    }

    [Fact]
    public async Task AuthenticateAsync_ChannelIssuerSignedWithEntraKey_Throws()
    {
        var authenticator = CreateAuthenticator();

        // The Entra key is not in the botframework JWKS: the issuer decides which key set is trusted.
        await AssertRefusedAsync(authenticator, MintChannel(_entraKey), TeamsActivity());
    }

    [Theory]
    [InlineData("https://sts.windows.net/" + TenantId + "/", "1.0")]
    [InlineData("https://login.microsoftonline.com/" + TenantId + "/v2.0", "2.0")]
    public async Task AuthenticateAsync_EntraTokenOfConfiguredTenant_Succeeds(string issuer, string version)
    {
        var authenticator = CreateAuthenticator(TenantId);
        var token = TokenMinter.Mint(_entraKey, TokenMinter.EntraClaims(issuer, AppId, version, AppId), Now, Now.AddHours(1));

        var identity = await authenticator.AuthenticateAsync($"Bearer {token}", TeamsActivity(), CancellationToken.None);

        Assert.Equal(issuer, identity.FindFirst("iss")?.Value);
    }

    [Theory]
    [InlineData("https://sts.windows.net/" + OtherTenantId + "/", "1.0")]
    [InlineData("https://login.microsoftonline.com/" + OtherTenantId + "/v2.0", "2.0")]
    public async Task AuthenticateAsync_EntraTokenOfAnotherTenant_Throws(string issuer, string version)
    {
        var authenticator = CreateAuthenticator(TenantId);
        var token = TokenMinter.Mint(_entraKey, TokenMinter.EntraClaims(issuer, AppId, version, AppId), Now, Now.AddHours(1));

        await AssertRefusedAsync(authenticator, token, TeamsActivity());
        Assert.Contains(_logger.Collector.GetSnapshot(), e => e.GetStructuredStateValue("Reason") == AuthenticationFailure.UntrustedIssuer.ToString());
    }

    [Fact]
    public async Task AuthenticateAsync_EntraTokenWithoutConfiguredTenant_Throws()
    {
        var authenticator = CreateAuthenticator(tenantId: null);
        var issuer = "https://sts.windows.net/" + TenantId + "/";
        var token = TokenMinter.Mint(_entraKey, TokenMinter.EntraClaims(issuer, AppId, "1.0", AppId), Now, Now.AddHours(1));

        await AssertRefusedAsync(authenticator, token, TeamsActivity());
    }

    [Theory]
    [InlineData("https://sts.windows.net/f8cdef31-a31e-4b4a-93e4-5f571e91255a/", "1.0")]
    [InlineData("https://login.microsoftonline.com/f8cdef31-a31e-4b4a-93e4-5f571e91255a/v2.0", "2.0")]
    [InlineData("https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/", "1.0")]
    public async Task AuthenticateAsync_EmulatorToken_Succeeds(string issuer, string version)
    {
        var authenticator = CreateAuthenticator();
        var token = TokenMinter.Mint(_entraKey, TokenMinter.EntraClaims(issuer, AppId, version, AppId), Now, Now.AddHours(1));
        var activity = TeamsActivity() with { ChannelId = Channels.Emulator, ServiceUrl = "http://localhost:54321" };

        var identity = await authenticator.AuthenticateAsync($"Bearer {token}", activity, CancellationToken.None);

        Assert.True(identity.IsAuthenticated);
    }

    [Theory]
    [InlineData("1.0")]
    [InlineData("2.0")]
    public async Task AuthenticateAsync_EmulatorTokenForAnotherClientApp_Throws(string version)
    {
        var authenticator = CreateAuthenticator();
        var issuer = "https://sts.windows.net/f8cdef31-a31e-4b4a-93e4-5f571e91255a/";
        var claims = TokenMinter.EntraClaims(issuer, AppId, version, "99999999-8888-7777-6666-555555555555");
        var token = TokenMinter.Mint(_entraKey, claims, Now, Now.AddHours(1));

        await AssertRefusedAsync(authenticator, token, TeamsActivity());
        Assert.Contains(_logger.Collector.GetSnapshot(), e => e.GetStructuredStateValue("Reason") == AuthenticationFailure.AppIdMismatch.ToString());
    }

    [Fact]
    public async Task AuthenticateAsync_EmulatorTokenWithoutVersionClaim_Throws()
    {
        var authenticator = CreateAuthenticator();
        var claims = TokenMinter.EntraClaims("https://sts.windows.net/f8cdef31-a31e-4b4a-93e4-5f571e91255a/", AppId, "1.0", AppId);
        claims.Remove("ver");
        var token = TokenMinter.Mint(_entraKey, claims, Now, Now.AddHours(1));

        await AssertRefusedAsync(authenticator, token, TeamsActivity());
    }

    [Theory]
    [InlineData("bearer {0}")]
    [InlineData("Bearer  {0}")]
    [InlineData("Bearer {0} extra")]
    [InlineData("Basic {0}")]
    [InlineData("Bearer")]
    [InlineData("{0}")]
    [InlineData("Bearer not-a-jwt")]
    public async Task AuthenticateAsync_MalformedHeader_Throws(string headerFormat)
    {
        var authenticator = CreateAuthenticator();
        var header = string.Format(System.Globalization.CultureInfo.InvariantCulture, headerFormat, MintChannel(_teamsKey));

        await Assert.ThrowsAsync<UnauthorizedAccessException>(
            () => authenticator.AuthenticateAsync(header, TeamsActivity(), CancellationToken.None));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public async Task AuthenticateAsync_NoHeaderWithAppId_Throws(string? header)
    {
        var authenticator = CreateAuthenticator();

        await Assert.ThrowsAsync<UnauthorizedAccessException>(
            () => authenticator.AuthenticateAsync(header, TeamsActivity(), CancellationToken.None));
    }

    [Fact]
    public async Task AuthenticateAsync_NoHeaderWithoutAppId_ReturnsAnonymousIdentity()
    {
        var authenticator = CreateAuthenticator(appId: null);

        var identity = await authenticator.AuthenticateAsync(null, TeamsActivity(), CancellationToken.None);

        Assert.False(identity.IsAuthenticated);
        Assert.Empty(identity.Claims);
    }

    [Fact]
    public async Task AuthenticateAsync_HeaderPresentWithoutAppId_IsStillValidatedAndRefused()
    {
        var authenticator = CreateAuthenticator(appId: null);

        await Assert.ThrowsAsync<UnauthorizedAccessException>(
            () => authenticator.AuthenticateAsync("Bearer garbage", TeamsActivity(), CancellationToken.None));
    }

    [Fact]
    public async Task AuthenticateAsync_MetadataUnreachable_Throws()
    {
        var token = MintChannel(_teamsKey);
        await _metadata.DisposeAsync();
        var authenticator = CreateAuthenticator();

        await AssertRefusedAsync(authenticator, token, TeamsActivity());
        Assert.Contains(_logger.Collector.GetSnapshot(), e => e.GetStructuredStateValue("Reason") == AuthenticationFailure.MetadataUnavailable.ToString());
    }

    [Fact]
    public async Task AuthenticateAsync_Refusal_HasNoDetailAndNeverLogsTheToken()
    {
        var authenticator = CreateAuthenticator();
        var token = TokenMinter.Mint(_teamsKey, ChannelClaims(), Now.AddHours(-2), Now.AddHours(-1));

        var exception = await Assert.ThrowsAsync<UnauthorizedAccessException>(
            () => authenticator.AuthenticateAsync($"Bearer {token}", TeamsActivity(), CancellationToken.None));

        Assert.Equal("Unauthorized.", exception.Message);
        var refusal = Assert.Single(_logger.Collector.GetSnapshot(), e => e.Level == LogLevel.Warning);
        Assert.DoesNotContain(token.Split('.')[2], refusal.Message, StringComparison.Ordinal);
        Assert.All(_logger.Collector.GetSnapshot(), e => Assert.DoesNotContain(token, e.Message, StringComparison.Ordinal));
    }

    private DateTimeOffset Now => _time.GetUtcNow();

    private ChannelAuthenticator CreateAuthenticator(string? tenantId = null, string? appId = AppId) =>
        new(
            Options.Create(new MicrosoftAppOptions
            {
                MicrosoftAppType = tenantId is null ? MicrosoftAppType.MultiTenant : MicrosoftAppType.SingleTenant,
                MicrosoftAppId = appId,
                MicrosoftAppTenantId = tenantId,
            }),
            Options.Create(new ChannelAuthenticationOptions
            {
                ChannelOpenIdMetadataUrl = _metadata.ChannelMetadataUrl.ToString(),
                EntraOpenIdMetadataUrl = _metadata.EntraMetadataUrl.ToString(),
            }),
            _httpClientFactory,
            _time,
            _logger);

    private static Dictionary<string, object> ChannelClaims() => TokenMinter.ChannelClaims(AppId, ServiceUrl);

    private string MintChannel(TestSigningKey key) => TokenMinter.Mint(key, ChannelClaims(), Now, Now.AddHours(1));

    private static Activity TeamsActivity() => new()
    {
        Type = ActivityTypes.Message,
        ChannelId = Channels.Msteams,
        ServiceUrl = ServiceUrl,
        Text = "hello",
    };

    private static async Task AssertRefusedAsync(ChannelAuthenticator authenticator, string token, Activity activity) =>
        await Assert.ThrowsAsync<UnauthorizedAccessException>(
            () => authenticator.AuthenticateAsync($"Bearer {token}", activity, CancellationToken.None));
}
