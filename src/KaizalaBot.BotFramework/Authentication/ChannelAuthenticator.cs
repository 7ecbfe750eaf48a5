using System.Security.Claims;
using System.Text.Json;
using KaizalaBot.BotFramework.Diagnostics;
using KaizalaBot.BotFramework.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace KaizalaBot.BotFramework.Authentication;

/// <summary>
/// Validates the bearer token of an inbound activity as botbuilder-dotnet does (reference §2): channel tokens from
/// <c>https://api.botframework.com</c>, Emulator tokens, and Entra tokens of the configured tenant; every refusal is an
/// <see cref="UnauthorizedAccessException"/> without detail, the reason going to the log.
/// </summary>
public sealed partial class ChannelAuthenticator : IChannelAuthenticator
{
    internal const string ChannelIssuer = "https://api.botframework.com";
    internal const string MetadataHttpClientName = "KaizalaBot.BotFramework.OpenIdMetadata";

    // bbdn AuthenticationConstants: the Emulator's public-cloud issuers (protocol v3.1 and v3.2 service tenants).
    private static readonly string[] EmulatorIssuers =
    [
        "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/",
        "https://login.microsoftonline.com/d6d49420-f39b-4df7-a1dc-d59a935871db/v2.0",
        "https://sts.windows.net/f8cdef31-a31e-4b4a-93e4-5f571e91255a/",
        "https://login.microsoftonline.com/f8cdef31-a31e-4b4a-93e4-5f571e91255a/v2.0",
    ];

    // bbdn ChannelValidation / EmulatorValidation: the SDK's allow-list and skew.
    private static readonly string[] AllowedAlgorithms =
        [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];

    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    private readonly MicrosoftAppOptions _app;
    private readonly OpenIdMetadataCache _channelMetadata;
    private readonly OpenIdMetadataCache _entraMetadata;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<ChannelAuthenticator> _logger;
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };
    private readonly string[] _tenantIssuers;

    public ChannelAuthenticator(
        IOptions<MicrosoftAppOptions> appOptions,
        IOptions<ChannelAuthenticationOptions> authenticationOptions,
        IHttpClientFactory httpClientFactory,
        TimeProvider timeProvider,
        ILogger<ChannelAuthenticator> logger)
    {
        ArgumentNullException.ThrowIfNull(appOptions);
        ArgumentNullException.ThrowIfNull(authenticationOptions);
        ArgumentNullException.ThrowIfNull(httpClientFactory);

        _app = appOptions.Value;
        var options = authenticationOptions.Value;
        _timeProvider = timeProvider;
        _logger = logger;
        _channelMetadata = new OpenIdMetadataCache(
            options.ChannelOpenIdMetadataUrl,
            httpClientFactory.CreateClient(MetadataHttpClientName),
            options.MetadataRefreshInterval,
            options.MetadataForcedRefreshInterval,
            timeProvider);
        _entraMetadata = new OpenIdMetadataCache(
            options.EntraOpenIdMetadataUrl,
            httpClientFactory.CreateClient(MetadataHttpClientName),
            options.MetadataRefreshInterval,
            options.MetadataForcedRefreshInterval,
            timeProvider);

        // Only the configured tenant: bbdn would accept any tenant's issuer here (PR #6769), which lets any Entra
        // tenant holding a token for our app id in; the reference recommends the narrower rule.
        var tenant = _app.MicrosoftAppTenantId;
        _tenantIssuers = string.IsNullOrWhiteSpace(tenant)
            ? []
            : [$"https://sts.windows.net/{tenant}/", $"https://login.microsoftonline.com/{tenant}/v2.0"];
    }

    public async Task<ClaimsIdentity> AuthenticateAsync(
        string? authorizationHeader, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);

        if (string.IsNullOrWhiteSpace(authorizationHeader))
        {
            if (_app.IsAuthenticationDisabled)
            {
                LogAnonymousAccepted(_logger, activity.ChannelId);
                return new ClaimsIdentity();
            }

            throw Refuse(AuthenticationFailure.MissingAuthorizationHeader, null);
        }

        var token = ParseBearer(authorizationHeader) ?? throw Refuse(AuthenticationFailure.MalformedAuthorizationHeader, null);

        // A present header is still judged (reference §2.6); with no app id no audience can match.
        var appId = _app.MicrosoftAppId;
        if (string.IsNullOrWhiteSpace(appId))
        {
            throw Refuse(AuthenticationFailure.NoAppIdConfigured, null);
        }

        JsonWebToken unvalidated;
        try
        {
            unvalidated = _handler.ReadJsonWebToken(token);
        }
        catch (ArgumentException)
        {
            throw Refuse(AuthenticationFailure.MalformedToken, null);
        }

        var issuer = unvalidated.Issuer;
        var path = SelectPath(issuer) ?? throw Refuse(AuthenticationFailure.UntrustedIssuer, issuer);
        var metadata = path == TokenPath.Channel ? _channelMetadata : _entraMetadata;

        var keyId = unvalidated.Kid;
        if (string.IsNullOrEmpty(keyId))
        {
            throw Refuse(AuthenticationFailure.MissingKeyId, issuer);
        }

        var (configuration, key) = await FindSigningKeyAsync(metadata, keyId, issuer, cancellationToken).ConfigureAwait(false);

        var parameters = new TokenValidationParameters
        {
            ValidIssuers = path switch
            {
                TokenPath.Channel => [ChannelIssuer],
                TokenPath.Emulator => EmulatorIssuers,
                _ => _tenantIssuers,
            },
            ValidAudience = appId,
            ValidateLifetime = true,
            LifetimeValidator = ValidateLifetime,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ClockSkew = ClockSkew,
            ValidAlgorithms = AllowedAlgorithms,
            IssuerSigningKey = key,
            TryAllIssuerSigningKeys = false,
            ValidateIssuerSigningKey = true,
        };

        var result = await _handler.ValidateTokenAsync(token, parameters).ConfigureAwait(false);
        if (!result.IsValid)
        {
            throw Refuse(Classify(result.Exception), issuer);
        }

        if (path == TokenPath.Channel)
        {
            CheckChannelToken(result.ClaimsIdentity, configuration, keyId, activity, issuer);
        }
        else
        {
            CheckAppIdClaim(result.ClaimsIdentity, appId, issuer);
        }

        LogAuthenticated(_logger, path, issuer, activity.ChannelId);
        return result.ClaimsIdentity;
    }

    // The injected clock instead of the library's DateTime.UtcNow, so lifetimes are testable in virtual time.
    private bool ValidateLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        var now = _timeProvider.GetUtcNow().UtcDateTime;
        if (expires is null)
        {
            throw new SecurityTokenNoExpirationException("The token has no expiration.");
        }

        if (notBefore is { } start && start > now + ClockSkew)
        {
            throw new SecurityTokenNotYetValidException("The token is not yet valid.") { NotBefore = start };
        }

        if (expires.Value < now - ClockSkew)
        {
            throw new SecurityTokenExpiredException("The token has expired.") { Expires = expires.Value };
        }

        return true;
    }

    private static string? ParseBearer(string header)
    {
        // Exactly "Bearer <token>", as bbdn JwtTokenExtractor demands: one space, case-sensitive scheme.
        var parts = header.Split(' ');
        return parts is ["Bearer", { Length: > 0 } token] ? token : null;
    }

    private TokenPath? SelectPath(string? issuer)
    {
        if (string.Equals(issuer, ChannelIssuer, StringComparison.Ordinal))
        {
            return TokenPath.Channel;
        }

        if (EmulatorIssuers.Contains(issuer, StringComparer.Ordinal))
        {
            return TokenPath.Emulator;
        }

        return _tenantIssuers.Contains(issuer, StringComparer.Ordinal) ? TokenPath.Tenant : null;
    }

    private async Task<(OpenIdConnectConfiguration Configuration, SecurityKey Key)> FindSigningKeyAsync(
        OpenIdMetadataCache metadata, string keyId, string issuer, CancellationToken cancellationToken)
    {
        try
        {
            var configuration = await metadata.GetAsync(cancellationToken).ConfigureAwait(false);
            var key = FindKey(configuration, keyId);
            if (key is not null)
            {
                return (configuration, key);
            }

            LogUnknownKeyRefreshing(_logger, keyId, metadata.MetadataUrl);
            var refreshed = await metadata.ForceRefreshAsync(cancellationToken).ConfigureAwait(false);
            key = refreshed is null ? null : FindKey(refreshed, keyId);
            return key is null
                ? throw Refuse(AuthenticationFailure.UnknownSigningKey, issuer)
                : (refreshed!, key);
        }
        catch (Exception ex) when (ex is InvalidOperationException or HttpRequestException or IOException or TimeoutException)
        {
            LogMetadataUnavailable(_logger, ex, metadata.MetadataUrl);
            throw Refuse(AuthenticationFailure.MetadataUnavailable, issuer);
        }
    }

    private static SecurityKey? FindKey(OpenIdConnectConfiguration configuration, string keyId) =>
        configuration.SigningKeys.FirstOrDefault(k => string.Equals(k.KeyId, keyId, StringComparison.Ordinal));

    private void CheckChannelToken(
        ClaimsIdentity identity, OpenIdConnectConfiguration configuration, string keyId, Activity activity, string issuer)
    {
        // bbdn EndorsementsValidator: the signing key must be endorsed for the activity's channel. Unlike the SDK we
        // refuse a missing channelId too: an unendorsed request must not pass because a field is absent.
        var endorsements = ReadEndorsements(configuration, keyId);
        if (string.IsNullOrEmpty(activity.ChannelId) || !endorsements.Contains(activity.ChannelId))
        {
            throw Refuse(AuthenticationFailure.MissingEndorsement, issuer);
        }

        // The claim is lower-case "serviceurl" in the token (reference §2.3 step 6).
        var serviceUrlClaim = identity.FindFirst("serviceurl")?.Value;
        if (string.IsNullOrEmpty(serviceUrlClaim))
        {
            throw Refuse(AuthenticationFailure.MissingServiceUrlClaim, issuer);
        }

        if (!string.Equals(serviceUrlClaim, activity.ServiceUrl, StringComparison.OrdinalIgnoreCase))
        {
            throw Refuse(AuthenticationFailure.ServiceUrlMismatch, issuer);
        }
    }

    private void CheckAppIdClaim(ClaimsIdentity identity, string appId, string issuer)
    {
        // bbdn EmulatorValidation: "ver" is required; 1.0 (or blank) carries the app id in "appid", 2.0 in "azp".
        var version = identity.FindFirst("ver")?.Value ?? throw Refuse(AuthenticationFailure.MissingVersionClaim, issuer);
        var claimType = version switch
        {
            "" or "1.0" => "appid",
            "2.0" => "azp",
            _ => throw Refuse(AuthenticationFailure.UnsupportedVersion, issuer),
        };

        if (!string.Equals(identity.FindFirst(claimType)?.Value, appId, StringComparison.OrdinalIgnoreCase))
        {
            throw Refuse(AuthenticationFailure.AppIdMismatch, issuer);
        }
    }

    internal static HashSet<string> ReadEndorsements(OpenIdConnectConfiguration configuration, string keyId)
    {
        var endorsements = new HashSet<string>(StringComparer.Ordinal);
        var jsonKey = configuration.JsonWebKeySet?.Keys.FirstOrDefault(k => string.Equals(k.Kid, keyId, StringComparison.Ordinal));
        if (jsonKey is null || !jsonKey.AdditionalData.TryGetValue("endorsements", out var raw))
        {
            return endorsements;
        }

        // Microsoft.IdentityModel 8.16 keeps unknown JWK members as JsonElement; older versions used object lists.
        switch (raw)
        {
            case JsonElement { ValueKind: JsonValueKind.Array } array:
                foreach (var item in array.EnumerateArray())
                {
                    if (item.ValueKind == JsonValueKind.String)
                    {
                        endorsements.Add(item.GetString()!);
                    }
                }

                break;
            case IEnumerable<object> items:
                foreach (var item in items)
                {
                    if (item?.ToString() is { } text)
                    {
                        endorsements.Add(text);
                    }
                }

                break;
            default:
                break;
        }

        return endorsements;
    }

    private static AuthenticationFailure Classify(Exception? exception) => exception switch
    {
        SecurityTokenExpiredException => AuthenticationFailure.Expired,
        SecurityTokenNotYetValidException => AuthenticationFailure.NotYetValid,
        SecurityTokenInvalidAudienceException => AuthenticationFailure.InvalidAudience,
        SecurityTokenInvalidIssuerException => AuthenticationFailure.InvalidIssuer,
        SecurityTokenInvalidAlgorithmException => AuthenticationFailure.InvalidAlgorithm,
        SecurityTokenInvalidSignatureException or SecurityTokenSignatureKeyNotFoundException => AuthenticationFailure.InvalidSignature,
        _ => AuthenticationFailure.InvalidToken,
    };

    private UnauthorizedAccessException Refuse(AuthenticationFailure reason, string? issuer)
    {
        LogRefused(_logger, reason, issuer);
        return new UnauthorizedAccessException("Unauthorized.");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inbound request refused: {Reason} (issuer {Issuer})")]
    private static partial void LogRefused(ILogger logger, AuthenticationFailure reason, LogValue issuer);

    [LoggerMessage(Level = LogLevel.Information, Message = "Inbound request authenticated on the {Path} path (issuer {Issuer}, channel {ChannelId})")]
    private static partial void LogAuthenticated(ILogger logger, TokenPath path, LogValue issuer, LogValue channelId);

    // Debug: AnonymousModeWarning says it once at start-up.
    [LoggerMessage(Level = LogLevel.Debug, Message = "No MicrosoftAppId configured: request without Authorization header accepted anonymously (channel {ChannelId})")]
    private static partial void LogAnonymousAccepted(ILogger logger, LogValue channelId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Signing key {KeyId} not in cached metadata {MetadataUrl}; forcing one refresh")]
    private static partial void LogUnknownKeyRefreshing(ILogger logger, LogValue keyId, string metadataUrl);

    [LoggerMessage(Level = LogLevel.Error, Message = "OpenID metadata {MetadataUrl} could not be retrieved")]
    private static partial void LogMetadataUnavailable(ILogger logger, Exception exception, string metadataUrl);
}
