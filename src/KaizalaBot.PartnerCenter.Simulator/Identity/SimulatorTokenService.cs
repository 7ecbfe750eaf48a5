using System.Security.Cryptography;
using KaizalaBot.PartnerCenter.Simulator.Configuration;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace KaizalaBot.PartnerCenter.Simulator.Identity;

/// <summary>Signs and validates the simulator's Entra-like access tokens (HMAC-SHA256; nothing leaves the process).</summary>
internal sealed class SimulatorTokenService
{
    public const string Audience = "https://api.partnercenter.microsoft.com";
    public const string UserImpersonationScope = "https://api.partnercenter.microsoft.com/user_impersonation";
    public const string DefaultScope = "https://api.partnercenter.microsoft.com/.default";

    // Invented: the reference does not say which app role Partner Center puts in app-only tokens.
    public const string AppOnlyRole = "PartnerCenter.Api";

    private readonly TimeProvider _time;
    private readonly PartnerCenterSimulatorOptions _options;
    private readonly SymmetricSecurityKey _key;
    private readonly JsonWebTokenHandler _handler = new();

    public SimulatorTokenService(TimeProvider time, IOptions<PartnerCenterSimulatorOptions> options)
    {
        _time = time;
        _options = options.Value;
        var keyBytes = string.IsNullOrEmpty(_options.SigningKey)
            ? RandomNumberGenerator.GetBytes(32)
            : Convert.FromBase64String(_options.SigningKey);
        _key = new SymmetricSecurityKey(keyBytes) { KeyId = "pcsim" };
    }

    public const string Issuer = "https://sts.windows.net/" + SimulatorDemoDirectory.PartnerTenantId + "/";

    public string IssueAccessToken(string clientId, bool withUser)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        var claims = new Dictionary<string, object>
        {
            ["appid"] = clientId,
            ["azp"] = clientId,
            ["tid"] = SimulatorDemoDirectory.PartnerTenantId,
            ["ver"] = "1.0",
            ["uti"] = Guid.NewGuid().ToString("N"),
        };
        if (withUser)
        {
            claims["scp"] = "user_impersonation";
            claims["idtyp"] = "user";
            claims["oid"] = SimulatorDemoDirectory.AdminAgentObjectId;
            claims["upn"] = SimulatorDemoDirectory.AdminAgentUpn;
            claims["name"] = SimulatorDemoDirectory.AdminAgentDisplayName;
        }
        else
        {
            claims["roles"] = new[] { AppOnlyRole };
            claims["idtyp"] = "app";
            claims["oid"] = clientId;
        }

        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + _options.AccessTokenLifetime,
            Claims = claims,
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.HmacSha256),
        });
    }

    public async Task<CallerIdentity?> ValidateAsync(string token, CancellationToken cancellationToken)
    {
        // JsonWebTokenHandler's public validation API takes no token; stop before the work if the caller has gone.
        cancellationToken.ThrowIfCancellationRequested();
        var now = _time.GetUtcNow().UtcDateTime;
        var parameters = new TokenValidationParameters
        {
            ValidIssuer = Issuer,
            ValidAudience = Audience,
            IssuerSigningKey = _key,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            // The library reads the wall clock; the simulator's time is the injected TimeProvider.
            LifetimeValidator = (notBefore, expires, _, _) => expires is { } e && now < e && (notBefore is null || now >= notBefore),
        };

        var result = await _handler.ValidateTokenAsync(token, parameters);
        if (!result.IsValid)
        {
            return null;
        }

        var appId = result.Claims.TryGetValue("appid", out var a) ? a?.ToString() : null;
        if (appId is null)
        {
            return null;
        }

        var hasScope = result.Claims.TryGetValue("scp", out var scp) && scp?.ToString() == "user_impersonation";
        return new CallerIdentity
        {
            ApplicationId = appId,
            UserObjectId = hasScope && result.Claims.TryGetValue("oid", out var oid) ? oid?.ToString() : null,
            UserPrincipalName = hasScope && result.Claims.TryGetValue("upn", out var upn) ? upn?.ToString() : null,
        };
    }

    public static string NewRefreshToken() => "sim-rt-" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
        .Replace('+', '-').Replace('/', '_').TrimEnd('=');
}
