using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KaizalaBot.PartnerCenter.Authentication;

// Implemented over HttpClient rather than MSAL so the token endpoint is just configuration (the simulator
// fakes it) and so the rotated refresh token is visible and can be kept.
internal sealed partial class PartnerCenterTokenProvider : IDisposable
{
    internal const string HttpClientName = "KaizalaBot.PartnerCenter.Token";
    internal const string AppOnlyScope = "https://api.partnercenter.microsoft.com/.default";
    internal const string AppPlusUserScope = "https://api.partnercenter.microsoft.com/user_impersonation";

    private readonly IHttpClientFactory _httpClientFactory;
    private readonly IRefreshTokenStore _refreshTokenStore;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<PartnerCenterTokenProvider> _logger;
    private readonly PartnerCenterOptions _options;
    private readonly SemaphoreSlim _appOnlyLock = new(1, 1);
    private readonly SemaphoreSlim _appPlusUserLock = new(1, 1);
    private CachedAccessToken? _appOnly;
    private CachedAccessToken? _appPlusUser;

    public PartnerCenterTokenProvider(
        IHttpClientFactory httpClientFactory,
        IRefreshTokenStore refreshTokenStore,
        TimeProvider timeProvider,
        IOptions<PartnerCenterOptions> options,
        ILogger<PartnerCenterTokenProvider> logger)
    {
        _httpClientFactory = httpClientFactory;
        _refreshTokenStore = refreshTokenStore;
        _timeProvider = timeProvider;
        _logger = logger;
        _options = options.Value;
    }

    public async Task<string> GetAccessTokenAsync(PartnerCenterTokenKind kind, CancellationToken cancellationToken) =>
        (await GetTokenAsync(kind, cancellationToken)).AccessToken;

    // Every Partner Center call asks: a valid cached token is answered without an await (nor a Task) and carries its
    // Authorization header value, built once per token rather than once per call.
    internal ValueTask<CachedAccessToken> GetTokenAsync(PartnerCenterTokenKind kind, CancellationToken cancellationToken)
    {
        var cached = Volatile.Read(ref Slot(kind));
        return cached is not null && _timeProvider.GetUtcNow() < cached.RenewAt
            ? ValueTask.FromResult(cached)
            : new ValueTask<CachedAccessToken>(RenewAsync(kind, cancellationToken));
    }

    private async Task<CachedAccessToken> RenewAsync(PartnerCenterTokenKind kind, CancellationToken cancellationToken)
    {
        // Serialised: two refreshes racing with the same refresh token would each rotate it, and the loser's
        // rotated token would overwrite the winner's.
        var gate = kind == PartnerCenterTokenKind.AppOnly ? _appOnlyLock : _appPlusUserLock;
        await gate.WaitAsync(cancellationToken);
        try
        {
            var cached = Volatile.Read(ref Slot(kind));
            if (cached is not null && _timeProvider.GetUtcNow() < cached.RenewAt)
            {
                return cached;
            }

            var fresh = await AcquireAsync(kind, cancellationToken);
            Volatile.Write(ref Slot(kind), fresh);
            return fresh;
        }
        finally
        {
            gate.Release();
        }
    }

    // After a 401 the cached token is dropped so the next call fetches a new one.
    public void Invalidate(PartnerCenterTokenKind kind, string accessToken)
    {
        var current = Volatile.Read(ref Slot(kind));
        if (current?.AccessToken == accessToken)
        {
            Interlocked.CompareExchange(ref Slot(kind), null, current);
        }
    }

    public void Dispose()
    {
        _appOnlyLock.Dispose();
        _appPlusUserLock.Dispose();
    }

    private ref CachedAccessToken? Slot(PartnerCenterTokenKind kind) =>
        ref kind == PartnerCenterTokenKind.AppOnly ? ref _appOnly : ref _appPlusUser;

    private async Task<CachedAccessToken> AcquireAsync(PartnerCenterTokenKind kind, CancellationToken cancellationToken)
    {
        var form = new Dictionary<string, string>
        {
            ["client_id"] = _options.ApplicationId!,
            ["client_secret"] = _options.ApplicationSecret!,
        };
        if (kind == PartnerCenterTokenKind.AppOnly)
        {
            form["grant_type"] = "client_credentials";
            form["scope"] = AppOnlyScope;
        }
        else
        {
            var refreshToken = await _refreshTokenStore.GetAsync(cancellationToken);
            if (string.IsNullOrWhiteSpace(refreshToken))
            {
                throw new PartnerException(
                    $"No refresh token is available for an app+user Partner Center call; set {PartnerCenterOptions.SectionName}:RefreshToken.")
                {
                    ErrorCategory = PartnerErrorCategory.Unauthorized,
                };
            }

            form["grant_type"] = "refresh_token";
            form["refresh_token"] = refreshToken;
            form["scope"] = AppPlusUserScope;
        }

        var tokenUri = new Uri(
            _options.Authority!,
            $"{_options.Authority!.AbsolutePath.TrimEnd('/')}/{Uri.EscapeDataString(_options.PartnerTenantId!)}/oauth2/v2.0/token");
        var requestedAt = _timeProvider.GetUtcNow();
        var client = _httpClientFactory.CreateClient(HttpClientName);
        using var content = new FormUrlEncodedContent(form);
        HttpResponseMessage response;
        try
        {
            response = await client.PostAsync(tokenUri, content, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            LogTokenEndpointUnreachable(kind, ex);
            throw new PartnerException("The Entra token endpoint could not be reached.", ex)
            {
                ErrorCategory = PartnerErrorCategory.Unauthorized,
                IsTransient = true,
            };
        }

        using (response)
        {
            var body = await ReadBodyAsync(response, cancellationToken);
            if (!response.IsSuccessStatusCode || string.IsNullOrEmpty(body?.AccessToken))
            {
                LogTokenRequestFailed(kind, (int)response.StatusCode, body?.Error);
                throw new PartnerException(
                    $"Entra refused the Partner Center {Describe(kind)} token request ({(int)response.StatusCode}): "
                    + $"{body?.Error ?? "no error code"}: {FirstLine(body?.ErrorDescription) ?? "no description"}")
                {
                    ErrorCategory = PartnerErrorCategory.Unauthorized,
                    StatusCode = response.StatusCode,
                    ErrorCode = body?.Error,
                    Description = body?.ErrorDescription,
                    IsTransient = (int)response.StatusCode >= 500 || response.StatusCode == HttpStatusCode.TooManyRequests,
                };
            }

            if (kind == PartnerCenterTokenKind.AppPlusUser && !string.IsNullOrEmpty(body.RefreshToken))
            {
                await _refreshTokenStore.SaveAsync(body.RefreshToken, cancellationToken);
            }

            var lifetime = double.TryParse(body.ExpiresIn, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
                ? TimeSpan.FromSeconds(seconds)
                : TimeSpan.FromMinutes(5);
            var renewAt = requestedAt + lifetime - _options.TokenRefreshMargin;
            LogTokenAcquired(kind, lifetime);
            return new CachedAccessToken(body.AccessToken, renewAt);
        }
    }

    private static async Task<TokenEndpointResponse?> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<TokenEndpointResponse>(cancellationToken);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Describe(PartnerCenterTokenKind kind) =>
        kind == PartnerCenterTokenKind.AppOnly ? "app-only" : "app+user";

    // Entra descriptions append "Trace ID: ... Correlation ID: ... Timestamp: ...", on further lines or on the
    // same one; the message keeps only the AADSTS sentence (the full text stays in Description).
    private static string? FirstLine(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var line = text.Split('\n', 2)[0].TrimEnd('\r');
        var trace = line.IndexOf(" Trace ID:", StringComparison.Ordinal);
        return (trace > 0 ? line[..trace] : line).Trim();
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Acquired a Partner Center {TokenKind} token valid for {Lifetime}")]
    private partial void LogTokenAcquired(PartnerCenterTokenKind tokenKind, TimeSpan lifetime);

    [LoggerMessage(Level = LogLevel.Error, Message = "Partner Center {TokenKind} token request failed with HTTP {StatusCode} ({EntraError})")]
    private partial void LogTokenRequestFailed(PartnerCenterTokenKind tokenKind, int statusCode, string? entraError);

    [LoggerMessage(Level = LogLevel.Error, Message = "The token endpoint could not be reached for a {TokenKind} token")]
    private partial void LogTokenEndpointUnreachable(PartnerCenterTokenKind tokenKind, Exception exception);
}
