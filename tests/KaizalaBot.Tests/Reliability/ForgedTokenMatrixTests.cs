using System.Net;
using System.Text;
using System.Text.Json;
using KaizalaBot.BotFramework.Schema;
using KaizalaBot.HostileInput;
using KaizalaBot.Testing.Protocol;
using KaizalaBot.Tests.Support;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Xunit.Abstractions;

namespace KaizalaBot.Tests.Reliability;

/// <summary>
/// The forged-token matrix (issue 13, hostile input): a bot with an app id, on real Kestrel, trusting only the test's
/// own OpenID metadata, receives a "help" message under each forged or mangled credential. Every one must be a 401 with
/// an empty body, refused for the reason the case targets (read from the bot's log), and nothing may run: the connector
/// hears nothing. A valid token on the same host, sent last, must run the turn, so the matrix can fail.
/// <c>dotnet test tests/KaizalaBot.Tests --filter FullyQualifiedName~ForgedTokenMatrix --logger "console;verbosity=detailed"</c>
/// prints the table.
/// </summary>
public sealed class ForgedTokenMatrixTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string AppId = "6a3f5a2e-1111-4c7e-9a55-000000000b13";
    private const string OtherAppId = "0b7c2d9e-2222-4a1b-8c3d-00000000dead";
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    private readonly TestSigningKey _teamsKey = new("key-teams", Channels.Msteams);
    private readonly TestSigningKey _skypeOnlyKey = new("key-skype", "skype");
    private readonly TestSigningKey _entraKey = new("key-entra");
    private readonly TestSigningKey _attackerKeyWithTeamsKid = new("key-teams", Channels.Msteams);
    private readonly TestSigningKey _unpublishedKey = new("key-nobody-published", Channels.Msteams);
    private readonly FakeLogCollector _logs = new();
    private OpenIdMetadataServer _metadata = null!;
    private RecordingConnectorServer _connector = null!;
    private ForgedTokenBotHost _host = null!;

    public async Task InitializeAsync()
    {
        _metadata = await OpenIdMetadataServer.StartAsync();
        _metadata.PublishChannelKey(_teamsKey);
        _metadata.PublishChannelKey(_skypeOnlyKey);
        _metadata.PublishEntraKey(_entraKey);
        _connector = await RecordingConnectorServer.StartAsync();
        _host = ForgedTokenBotHost.Start(
            new Dictionary<string, string?>
            {
                ["MicrosoftAppType"] = "MultiTenant",
                ["MicrosoftAppId"] = AppId,
                ["MicrosoftAppPassword"] = "not-a-real-secret",
                ["BotFramework:ChannelOpenIdMetadataUrl"] = _metadata.ChannelMetadataUrl.ToString(),
                ["BotFramework:EntraOpenIdMetadataUrl"] = _metadata.EntraMetadataUrl.ToString(),
            },
            _logs);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
        await _metadata.DisposeAsync();
        foreach (var key in new[] { _teamsKey, _skypeOnlyKey, _entraKey, _attackerKeyWithTeamsKid, _unpublishedKey })
        {
            key.Dispose();
        }
    }

    [Fact]
    public async Task EveryForgedCredential_Is401WithItsOwnReason_AndNothingRuns_WhileAValidTokenRuns()
    {
        var cases = Cases();
        Assert.True(cases.Count >= 15, $"the matrix has {cases.Count} cases; issue 13 asks for at least 15");

        var failures = new List<string>();
        output.WriteLine($"{"case",-48} {"status",6}  logged reason");
        foreach (var forged in cases)
        {
            _logs.Clear();
            var response = await SendAsync(forged.Activity, forged.AuthorizationLines);
            var reasons = RefusalReasons();
            output.WriteLine($"{forged.Name,-48} {response.Status,6}  {string.Join(", ", reasons)}");
            if (response.Status != (int)HttpStatusCode.Unauthorized || response.Body.Length != 0
                || reasons is not [var reason] || reason != forged.ExpectedReason)
            {
                failures.Add($"{forged.Name}: {response.Status} '{response.Body}', reasons [{string.Join(", ", reasons)}], expected 401 for {forged.ExpectedReason}");
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        Assert.Empty(_connector.Requests);

        // The control: the same host, the same activity shape, a genuine token. It runs, and the connector hears the reply.
        var valid = await SendAsync(Activities.Message("help"), [Bearer(ChannelToken())]);
        output.WriteLine($"{"control: valid channel token",-48} {valid.Status,6}");
        Assert.Equal((int)HttpStatusCode.OK, valid.Status);
        await _connector.WaitForRequestsAsync(1);
        output.WriteLine($"{cases.Count} forged cases, {cases.Count - failures.Count} refused with their reason; connector calls before the control: 0");
    }

    private TeamsActivities Activities => new(new Uri(_connector.ServiceUrl));

    private List<ForgedTokenCase> Cases()
    {
        var now = DateTimeOffset.UtcNow;
        var help = Activities.Message("help");
        var channel = TokenMinter.ChannelClaims(AppId, _connector.ServiceUrl);

        ForgedTokenCase Case(string name, string token, string reason, Activity? activity = null) =>
            new(name, [Bearer(token)], activity ?? help, reason);

        string Signed(IDictionary<string, object> claims, TestSigningKey? key = null) =>
            TokenMinter.Mint(key ?? _teamsKey, claims, now.AddMinutes(-1), now.AddMinutes(30));

        Dictionary<string, object> With(string claim, object value) => new(channel) { [claim] = value };

        Dictionary<string, object> Without(string claim)
        {
            var claims = new Dictionary<string, object>(channel);
            claims.Remove(claim);
            return claims;
        }

        return
        [
            new("no Authorization header", [], help, "MissingAuthorizationHeader"),
            new("Basic scheme instead of Bearer", ["Authorization: Basic " + Convert.ToBase64String(Encoding.ASCII.GetBytes("bot:secret"))], help, "MalformedAuthorizationHeader"),
            new("lower-case bearer scheme", ["Authorization: bearer " + ChannelToken()], help, "MalformedAuthorizationHeader"),
            new("two Bearer headers, each valid", [Bearer(ChannelToken()), Bearer(ChannelToken())], help, "MalformedAuthorizationHeader"),
            Case("not a JWT", "not.a.jwt", "MalformedToken"),
            Case("wrong issuer (look-alike host)", Signed(With("iss", "https://api.botframework.com.attacker.example")), "UntrustedIssuer"),
            Case("Entra token of another tenant", Signed(TokenMinter.EntraClaims("https://login.microsoftonline.com/11111111-2222-3333-4444-555555555555/v2.0", AppId, "2.0", AppId), _entraKey), "UntrustedIssuer"),
            Case("wrong audience (the connector's)", Signed(With("aud", "https://api.botframework.com")), "InvalidAudience"),
            Case("token for another app id", Signed(With("aud", OtherAppId)), "InvalidAudience"),
            Case("expired an hour ago", TokenMinter.Mint(_teamsKey, channel, now.AddHours(-2), now.AddHours(-1)), "Expired"),
            Case("not valid for another hour", TokenMinter.Mint(_teamsKey, channel, now.AddHours(1), now.AddHours(2)), "NotYetValid"),
            Case("no exp claim", WithoutExpiry(channel), "InvalidToken"),
            Case("wrong signature (attacker key, real kid)", Signed(channel, _attackerKeyWithTeamsKid), "InvalidSignature"),
            Case("payload tampered after signing", TokenMinter.Tamper(Signed(channel), "aud", AppId + " "), "InvalidSignature"),
            Case("unknown kid", Signed(channel, _unpublishedKey), "UnknownSigningKey"),
            Case("no kid", WithoutKid(channel), "MissingKeyId"),
            Case("channel issuer signed with an Entra key", Signed(channel, _entraKey), "UnknownSigningKey"),
            Case("alg none", TokenMinter.MintUnsigned(_teamsKey.KeyId, channel, now.AddMinutes(-1), now.AddMinutes(30)), "InvalidSignature"),
            Case("HS256 keyed with the published public key", Hs256WithPublicKey(channel), "InvalidSignature"),
            Case("missing serviceurl claim", Signed(Without("serviceurl")), "MissingServiceUrlClaim"),
            Case("serviceurl claim for another region", Signed(With("serviceurl", "https://smba.trafficmanager.net/amer/")), "ServiceUrlMismatch"),
            Case("key not endorsed for msteams", Signed(channel, _skypeOnlyKey), "MissingEndorsement"),
            // Just under Kestrel's 32 KB request-header limit: beyond it Kestrel itself answers 431 (the hostile-input run's case).
            Case("oversized forged token (~22 KB)", Signed(With("pad", new string('A', 16 * 1024)), _attackerKeyWithTeamsKid), "InvalidSignature"),
            Case("Emulator token for another client app", Signed(TokenMinter.EntraClaims("https://login.microsoftonline.com/d6d49420-f39b-4df7-a1dc-d59a935871db/v2.0", AppId, "2.0", OtherAppId), _entraKey), "AppIdMismatch"),
        ];
    }

    private string ChannelToken() =>
        TokenMinter.Mint(_teamsKey, TokenMinter.ChannelClaims(AppId, _connector.ServiceUrl), DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(30));

    private static string Bearer(string token) => "Authorization: Bearer " + token;

    private string WithoutExpiry(IDictionary<string, object> claims) =>
        new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Claims = claims,
            NotBefore = DateTime.UtcNow.AddMinutes(-1),
            SigningCredentials = new SigningCredentials(_teamsKey.SecurityKey, SecurityAlgorithms.RsaSha256),
        });

    private string WithoutKid(IDictionary<string, object> claims)
    {
        // The real key's material under a key object without an id: the header then carries no kid.
        var anonymous = new RsaSecurityKey(_teamsKey.SecurityKey.Rsa);
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Claims = claims,
            NotBefore = DateTime.UtcNow.AddMinutes(-1),
            Expires = DateTime.UtcNow.AddMinutes(30),
            SigningCredentials = new SigningCredentials(anonymous, SecurityAlgorithms.RsaSha256),
        });
    }

    private string Hs256WithPublicKey(IDictionary<string, object> claims)
    {
        // The classic algorithm confusion: a verifier that lets the token pick HMAC would use the public key it holds as
        // the shared secret, and the attacker knows the public key.
        var secret = new SymmetricSecurityKey(Encoding.ASCII.GetBytes(_teamsKey.SecurityKey.Rsa.ExportSubjectPublicKeyInfoPem())) { KeyId = _teamsKey.KeyId };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Claims = claims,
            NotBefore = DateTime.UtcNow.AddMinutes(-1),
            Expires = DateTime.UtcNow.AddMinutes(30),
            SigningCredentials = new SigningCredentials(secret, SecurityAlgorithms.HmacSha256),
        });
    }

    private async Task<RawResponse> SendAsync(Activity activity, IReadOnlyList<string> authorizationLines)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(activity, BotJson.Options);
        var request = HttpRequestBytes.Post(body, [.. authorizationLines]);
        return await RawHttpClient.SendAsync(_host.EndPoint, request, RequestEnding.Complete, RequestTimeout, CancellationToken.None);
    }

    private List<string> RefusalReasons() =>
        [.. _logs.GetSnapshot()
            .Where(r => r.Message.StartsWith("Inbound request refused: ", StringComparison.Ordinal))
            .Select(r => r.Message["Inbound request refused: ".Length..].Split(' ')[0])];
}
