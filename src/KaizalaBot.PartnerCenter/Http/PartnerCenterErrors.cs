using System.Net;
using System.Text.Json;
using KaizalaBot.PartnerCenter.Json;
using KaizalaBot.PartnerCenter.Models;

namespace KaizalaBot.PartnerCenter.Http;

internal static class PartnerCenterErrors
{
    private const int MaxRawBodyLength = 500;

    public static async Task<PartnerException> FromResponseAsync(
        HttpResponseMessage response, Guid correlationId, Guid requestId, TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        ApiFault? fault = null;
        RateLimitFault? rateLimit = null;
        string? entraError = null;
        string? entraDescription = null;
        if (TryParseObject(text) is { } root)
        {
            if (root.TryGetProperty("code", out _) || root.TryGetProperty("description", out _)
                || root.TryGetProperty("Code", out _) || root.TryGetProperty("Description", out _))
            {
                fault = root.Deserialize<ApiFault>(PartnerCenterJson.Options);
            }
            else if (root.TryGetProperty("message", out _) || root.TryGetProperty("statusCode", out _))
            {
                rateLimit = root.Deserialize<RateLimitFault>(PartnerCenterJson.Options);
            }
            else if (root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.String)
            {
                entraError = error.GetString();
                entraDescription = root.TryGetProperty("error_description", out var d) ? d.GetString() : null;
            }
        }

        var status = response.StatusCode;
        var code = fault?.Code ?? entraError;
        var description = fault?.Description ?? rateLimit?.Message ?? entraDescription
            ?? (string.IsNullOrWhiteSpace(text) ? null : Truncate(text));
        var retryAfter = status == HttpStatusCode.TooManyRequests || (int)status >= 500
            ? PartnerCenterResilience.RetryAfterOf(response, timeProvider)
            : null;
        return new PartnerException(
            $"Partner Center answered {(int)status} {status}"
            + (code is null ? string.Empty : $" (code {code})")
            + (description is null ? "." : $": {description}")
            + $" [MS-CorrelationId {correlationId}, MS-RequestId {requestId}]")
        {
            ErrorCategory = CategoryOf(status),
            StatusCode = status,
            ErrorCode = code,
            Description = description,
            ServiceErrorPayload = fault,
            CorrelationId = correlationId,
            RequestId = requestId,
            RetryAfter = retryAfter,
        };
    }

    public static PartnerException Transport(Exception exception, Guid correlationId, Guid requestId) =>
        new($"Partner Center could not be reached: {exception.Message} [MS-CorrelationId {correlationId}, MS-RequestId {requestId}]", exception)
        {
            ErrorCategory = exception is HttpRequestException ? PartnerErrorCategory.ServerError : PartnerErrorCategory.RequestTimeout,
            CorrelationId = correlationId,
            RequestId = requestId,
        };

    public static PartnerException InvalidBody(HttpResponseMessage response, Guid correlationId, Guid requestId, Exception? inner) =>
        new($"Partner Center answered {(int)response.StatusCode} with a body that is not the expected JSON [MS-CorrelationId {correlationId}, MS-RequestId {requestId}]",
            inner ?? new JsonException("Empty body."))
        {
            ErrorCategory = PartnerErrorCategory.InvalidResponse,
            StatusCode = response.StatusCode,
            CorrelationId = correlationId,
            RequestId = requestId,
        };

    // The SDK's PartnerErrorCategory mapping (reference §7).
    internal static PartnerErrorCategory CategoryOf(HttpStatusCode status) => status switch
    {
        HttpStatusCode.BadRequest => PartnerErrorCategory.BadInput,
        HttpStatusCode.Unauthorized => PartnerErrorCategory.Unauthorized,
        HttpStatusCode.Forbidden => PartnerErrorCategory.Forbidden,
        HttpStatusCode.NotFound => PartnerErrorCategory.NotFound,
        HttpStatusCode.MethodNotAllowed => PartnerErrorCategory.InvalidOperation,
        HttpStatusCode.NotAcceptable => PartnerErrorCategory.UnsupportedDataFormat,
        HttpStatusCode.Conflict => PartnerErrorCategory.AlreadyExists,
        HttpStatusCode.RequestTimeout => PartnerErrorCategory.RequestTimeout,
        HttpStatusCode.TooManyRequests => PartnerErrorCategory.TooManyRequests,
        HttpStatusCode.ServiceUnavailable => PartnerErrorCategory.ServerBusy,
        HttpStatusCode.GatewayTimeout => PartnerErrorCategory.GatewayTimeout,
        _ => PartnerErrorCategory.ServerError,
    };

    private static JsonElement? TryParseObject(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Truncate(string text) =>
        text.Length <= MaxRawBodyLength ? text : text[..MaxRawBodyLength];
}
