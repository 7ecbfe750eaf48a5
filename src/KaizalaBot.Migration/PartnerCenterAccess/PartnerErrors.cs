using System.Net;
using KaizalaBot.PartnerCenter;

namespace KaizalaBot.Migration.PartnerCenterAccess;

/// <summary>Reading Partner Center failures (reference §7, §6.4 and the simulator's documented choices).</summary>
public static class PartnerErrors
{
    public static bool HasCode(this PartnerException ex, params string[] codes) =>
        ex.ErrorCode is { } code && codes.Contains(code, StringComparer.OrdinalIgnoreCase);

    public static bool Mentions(this PartnerException ex, string marker) =>
        (ex.Description?.Contains(marker, StringComparison.OrdinalIgnoreCase) ?? false)
        || (ex.ServiceErrorPayload?.Data is { } data && data.GetRawText().Contains(marker, StringComparison.OrdinalIgnoreCase));

    /// <summary>Worth trying again later: throttled, server-side or transport trouble.</summary>
    public static bool IsTransient(this PartnerException ex) =>
        ex.ErrorCategory is PartnerErrorCategory.TooManyRequests or PartnerErrorCategory.ServerError or PartnerErrorCategory.ServerBusy
            or PartnerErrorCategory.GatewayTimeout or PartnerErrorCategory.RequestTimeout or PartnerErrorCategory.InvalidResponse
        || ex.StatusCode is null or >= HttpStatusCode.InternalServerError;

    public static bool IsAccessDenied(this PartnerException ex) =>
        ex.ErrorCategory is PartnerErrorCategory.Unauthorized or PartnerErrorCategory.Forbidden || ex.HasCode("900316", "900309");
}
