using System.Text.Json.Nodes;
using KaizalaBot.Testing.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace KaizalaBot.Testing.Protocol;

/// <summary>
/// Serves two OpenID metadata documents and their JWKS on loopback, like login.botframework.com (path
/// <c>botframework/</c>) and login.microsoftonline.com (path <c>entra/</c>). Keys can be published while running, to
/// exercise key roll-over; requests are counted to check refresh behaviour.
/// </summary>
public sealed class OpenIdMetadataServer : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<TestSigningKey>> _keys = new(StringComparer.Ordinal)
    {
        ["botframework"] = [],
        ["entra"] = [],
    };

    private readonly Dictionary<string, int> _jwksRequests = new(StringComparer.Ordinal);
    private LoopbackWebServer? _server;

    public Uri ChannelMetadataUrl => new(_server!.BaseAddress, "botframework/.well-known/openidconfiguration");

    public Uri EntraMetadataUrl => new(_server!.BaseAddress, "entra/v2.0/.well-known/openid-configuration");

    public static async Task<OpenIdMetadataServer> StartAsync()
    {
        var metadata = new OpenIdMetadataServer();
        metadata._server = await LoopbackWebServer.StartAsync(app =>
        {
            app.MapGet("/botframework/.well-known/openidconfiguration", (HttpContext context) =>
                Results.Text(Document(context, "botframework", "https://api.botframework.com"), "application/json"));
            app.MapGet("/entra/v2.0/.well-known/openid-configuration", (HttpContext context) =>
                Results.Text(Document(context, "entra", "https://login.microsoftonline.com/{tenantid}/v2.0"), "application/json"));
            app.MapGet("/{set}/keys", (string set) => Results.Text(metadata.Jwks(set), "application/json"));
        });
        return metadata;
    }

    public void PublishChannelKey(TestSigningKey key) => Publish("botframework", key);

    public void PublishEntraKey(TestSigningKey key) => Publish("entra", key);

    public int ChannelJwksRequests => Count("botframework");

    public int EntraJwksRequests => Count("entra");

    public ValueTask DisposeAsync() => _server?.DisposeAsync() ?? ValueTask.CompletedTask;

    private void Publish(string set, TestSigningKey key)
    {
        lock (_gate)
        {
            _keys[set].Add(key);
        }
    }

    private int Count(string set)
    {
        lock (_gate)
        {
            return _jwksRequests.GetValueOrDefault(set);
        }
    }

    private static string Document(HttpContext context, string set, string issuer)
    {
        var request = context.Request;
        var jwksUri = $"{request.Scheme}://{request.Host}/{set}/keys";
        return new JsonObject
        {
            ["issuer"] = issuer,
            ["authorization_endpoint"] = $"{request.Scheme}://{request.Host}/{set}/authorize",
            ["jwks_uri"] = jwksUri,
            ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
            ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
        }.ToJsonString();
    }

    private string Jwks(string set)
    {
        lock (_gate)
        {
            _jwksRequests[set] = _jwksRequests.GetValueOrDefault(set) + 1;
            var keys = _keys.TryGetValue(set, out var list) ? list : [];
            return new JsonObject { ["keys"] = new JsonArray(keys.Select(k => (JsonNode)k.ToJwk()).ToArray()) }.ToJsonString();
        }
    }
}
