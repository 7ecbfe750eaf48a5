using System.Text.Json.Serialization;
using KaizalaBot.PartnerCenter.Json;

namespace KaizalaBot.PartnerCenter.Authentication;

// OAuth 2.0 token response and Entra error body (RFC 6749 §5.1/§5.2) share one reader.
internal sealed record TokenEndpointResponse
{
    [JsonPropertyName("access_token")]
    public string? AccessToken { get; init; }

    [JsonPropertyName("refresh_token")]
    public string? RefreshToken { get; init; }

    // Entra v2 sends a number; older endpoints sent a string.
    [JsonPropertyName("expires_in")]
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? ExpiresIn { get; init; }

    [JsonPropertyName("error")]
    public string? Error { get; init; }

    [JsonPropertyName("error_description")]
    public string? ErrorDescription { get; init; }

    [JsonPropertyName("correlation_id")]
    public string? CorrelationId { get; init; }
}
