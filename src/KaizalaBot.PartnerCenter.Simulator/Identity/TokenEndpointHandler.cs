using System.Text.Json.Nodes;
using KaizalaBot.PartnerCenter.Simulator.State;
using KaizalaBot.PartnerCenter.Simulator.Wire;

namespace KaizalaBot.PartnerCenter.Simulator.Identity;

/// <summary>
/// The fake Entra v2 token endpoint: <c>POST /{tenant}/oauth2/v2.0/token</c>. Refresh-token redemption returns a new
/// refresh token without revoking the redeemed one (Entra does not revoke on use); any refresh token expires after
/// <c>RefreshTokenInactivityLifetime</c> (90 days) without use (reference §1.2).
/// </summary>
internal sealed partial class TokenEndpointHandler
{
    private readonly SimulatorWorld _world;
    private readonly SimulatorTokenService _tokens;
    private readonly ILogger<TokenEndpointHandler> _logger;

    public TokenEndpointHandler(SimulatorWorld world, SimulatorTokenService tokens, ILogger<TokenEndpointHandler> logger)
    {
        _world = world;
        _tokens = tokens;
        _logger = logger;
    }

    public async Task<IResult> HandleAsync(HttpContext context, string tenant, CancellationToken cancellationToken)
    {
        if (!IsKnownTenant(tenant))
        {
            return Error(400, "invalid_request", 90002, $"Tenant '{tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.");
        }

        if (!context.Request.HasFormContentType)
        {
            return Error(400, "invalid_request", 900144, "The request body must contain the following parameter: 'grant_type'.");
        }

        var form = await context.Request.ReadFormAsync(cancellationToken);
        var grantType = form["grant_type"].ToString();
        if (grantType.Length == 0)
        {
            return Error(400, "invalid_request", 900144, "The request body must contain the following parameter: 'grant_type'.");
        }

        if (grantType is not ("refresh_token" or "client_credentials"))
        {
            return Error(400, "unsupported_grant_type", 70003, $"The app requested an unsupported grant type '{grantType}'.");
        }

        var credentials = _world.Options.Credentials;
        var clientId = form["client_id"].ToString();
        if (!string.Equals(clientId, credentials.ClientId, StringComparison.OrdinalIgnoreCase))
        {
            return Error(400, "unauthorized_client", 700016, $"Application with identifier '{clientId}' was not found in the directory '{tenant}'.");
        }

        if (!string.Equals(form["client_secret"].ToString(), credentials.ClientSecret, StringComparison.Ordinal))
        {
            LogBadSecret(clientId);
            return Error(401, "invalid_client", 7000215, "Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID.");
        }

        var scopes = form["scope"].ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return grantType == "client_credentials"
            ? ClientCredentials(clientId, scopes)
            : RefreshToken(clientId, scopes, form["refresh_token"].ToString());
    }

    private SimResponse ClientCredentials(string clientId, string[] scopes)
    {
        if (scopes is not [SimulatorTokenService.DefaultScope])
        {
            return Error(400, "invalid_scope", 1002012, $"The provided value for scope {string.Join(' ', scopes)} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).");
        }

        LogIssued(clientId, false);
        return TokenResponse(SimulatorTokenService.DefaultScope, _tokens.IssueAccessToken(clientId, withUser: false), refreshToken: null);
    }

    private SimResponse RefreshToken(string clientId, string[] scopes, string refreshToken)
    {
        if (!scopes.Contains(SimulatorTokenService.UserImpersonationScope, StringComparer.OrdinalIgnoreCase))
        {
            return Error(400, "invalid_scope", 70011, $"The provided request must include a 'scope' input parameter. The provided value for the input parameter 'scope' is not valid. Expected '{SimulatorTokenService.UserImpersonationScope}'.");
        }

        if (refreshToken.Length == 0)
        {
            return Error(400, "invalid_request", 900144, "The request body must contain the following parameter: 'refresh_token'.");
        }

        if (!_world.TryRedeemRefreshToken(refreshToken))
        {
            return Error(400, "invalid_grant", 70000, "The provided value for the 'refresh_token' is not valid, expired or was revoked.");
        }

        var rotated = _world.IssueRefreshToken(SimulatorTokenService.NewRefreshToken());
        LogIssued(clientId, true);
        return TokenResponse(
            SimulatorTokenService.UserImpersonationScope, _tokens.IssueAccessToken(clientId, withUser: true), rotated);
    }

    private SimResponse TokenResponse(string scope, string accessToken, string? refreshToken)
    {
        var lifetime = (int)_world.Options.AccessTokenLifetime.TotalSeconds;
        var body = new JsonObject
        {
            ["token_type"] = "Bearer",
            ["scope"] = scope,
            ["expires_in"] = lifetime,
            ["ext_expires_in"] = lifetime,
            ["access_token"] = accessToken,
        };
        if (refreshToken is not null)
        {
            body["refresh_token"] = refreshToken;
        }

        return new SimResponse(200, body, new Dictionary<string, string> { ["Cache-Control"] = "no-store, no-cache", ["Pragma"] = "no-cache" });
    }

    private SimResponse Error(int status, string error, int code, string message)
    {
        var traceId = Guid.NewGuid().ToString();
        var correlationId = Guid.NewGuid().ToString();
        var timestamp = _world.Time.GetUtcNow();
        var body = new JsonObject
        {
            ["error"] = error,
            ["error_description"] = $"AADSTS{code}: {message} Trace ID: {traceId} Correlation ID: {correlationId} Timestamp: {timestamp:yyyy-MM-dd HH:mm:ssZ}",
            ["error_codes"] = new JsonArray(code),
            ["timestamp"] = WireJson.Date(timestamp),
            ["trace_id"] = traceId,
            ["correlation_id"] = correlationId,
        };
        return new SimResponse(status, body);
    }

    private static bool IsKnownTenant(string tenant) =>
        string.Equals(tenant, SimulatorDemoDirectory.PartnerTenantId, StringComparison.OrdinalIgnoreCase)
        || string.Equals(tenant, SimulatorDemoDirectory.PartnerDomain, StringComparison.OrdinalIgnoreCase)
        || string.Equals(tenant, "organizations", StringComparison.OrdinalIgnoreCase);

    [LoggerMessage(Level = LogLevel.Information, Message = "Simulator issued an access token to {ClientId} (app+user: {WithUser})")]
    private partial void LogIssued(string clientId, bool withUser);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Simulator token request for {ClientId} had a wrong client secret")]
    private partial void LogBadSecret(string clientId);
}
