using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace KaizalaBot.Testing.Protocol;

/// <summary>Mints JWTs the way the Bot Connector and Entra shape them, signed with the test's own keys.</summary>
public static class TokenMinter
{
    public const string ChannelIssuer = "https://api.botframework.com";

    public static Dictionary<string, object> ChannelClaims(string appId, string serviceUrl) => new(StringComparer.Ordinal)
    {
        ["iss"] = ChannelIssuer,
        ["aud"] = appId,
        ["serviceurl"] = serviceUrl,
    };

    /// <summary>An Entra v1.0 (<c>appid</c>) or v2.0 (<c>azp</c>) access token issued for <paramref name="appId"/>.</summary>
    public static Dictionary<string, object> EntraClaims(string issuer, string appId, string version, string clientAppId) =>
        new(StringComparer.Ordinal)
        {
            ["iss"] = issuer,
            ["aud"] = appId,
            ["ver"] = version,
            [version == "2.0" ? "azp" : "appid"] = clientAppId,
            ["tid"] = "00000000-0000-0000-0000-000000000000",
        };

    public static string Mint(
        TestSigningKey key,
        IDictionary<string, object> claims,
        DateTimeOffset notBefore,
        DateTimeOffset expires,
        string algorithm = SecurityAlgorithms.RsaSha256)
    {
        var handler = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false };
        return handler.CreateToken(new SecurityTokenDescriptor
        {
            Claims = claims,
            NotBefore = notBefore.UtcDateTime,
            IssuedAt = notBefore.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = new SigningCredentials(key.SecurityKey, algorithm),
        });
    }

    /// <summary><c>alg: none</c> with an empty signature, naming a real key id so only the algorithm can refuse it.</summary>
    public static string MintUnsigned(string keyId, IDictionary<string, object> claims, DateTimeOffset notBefore, DateTimeOffset expires)
    {
        var header = new JsonObject { ["alg"] = "none", ["typ"] = "JWT", ["kid"] = keyId };
        return $"{Encode(header)}.{Encode(Payload(claims, notBefore, expires))}.";
    }

    /// <summary>HS256 keyed with a shared secret, naming a real RSA key id (the classic algorithm-confusion attempt).</summary>
    public static string MintHs256(string keyId, IDictionary<string, object> claims, DateTimeOffset notBefore, DateTimeOffset expires)
    {
        var secret = new SymmetricSecurityKey(Encoding.UTF8.GetBytes("a-shared-secret-that-is-long-enough-for-hs256!")) { KeyId = keyId };
        var handler = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false };
        return handler.CreateToken(new SecurityTokenDescriptor
        {
            Claims = claims,
            NotBefore = notBefore.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = new SigningCredentials(secret, SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>Replaces one payload claim and keeps the original signature.</summary>
    public static string Tamper(string token, string claim, string newValue)
    {
        var parts = token.Split('.');
        var payload = JsonNode.Parse(Base64UrlEncoder.Decode(parts[1]))!.AsObject();
        payload[claim] = newValue;
        return $"{parts[0]}.{Encode(payload)}.{parts[2]}";
    }

    private static JsonObject Payload(IDictionary<string, object> claims, DateTimeOffset notBefore, DateTimeOffset expires)
    {
        var payload = new JsonObject
        {
            ["nbf"] = notBefore.ToUnixTimeSeconds(),
            ["exp"] = expires.ToUnixTimeSeconds(),
        };
        foreach (var (name, value) in claims)
        {
            payload[name] = JsonValue.Create(value.ToString());
        }

        return payload;
    }

    private static string Encode(JsonNode node) => Base64UrlEncoder.Encode(node.ToJsonString());
}
