using KaizalaBot.BotFramework.Schema;

namespace KaizalaBot.BotFramework.Connector;

/// <summary>
/// Decides whether the bot may call a <c>serviceUrl</c> at all, and whether with its token. The host decides, never
/// the credentials: a serviceUrl is attacker-controlled data (an inbound activity, or a conversation reference stored
/// from one), so without this rule a request naming a cloud metadata address, a private range or any other name would
/// turn the bot into a proxy towards it, token or not.
/// </summary>
/// <remarks>
/// Allowed: HTTPS to a host of the allow-list (the Microsoft connector hosts by default), and loopback over HTTP or
/// HTTPS only when <c>allowLoopback</c> is set (Development: Agents Playground, Emulator). Refused everywhere: any other
/// scheme, user-info (<c>user:pass@host</c> can disguise the real host), a query or fragment (the connector paths are
/// appended to the serviceUrl, so either would swallow them), and IP literals that are not loopback. Without
/// credentials (Development without an app id; the host refuses to start that way elsewhere) the same hosts are
/// allowed but no token is attached.
/// </remarks>
internal sealed class ServiceUrlPolicy(IReadOnlyList<string> allowedHosts, bool allowLoopback, bool hasCredentials)
{
    public const int MaxLength = ActivityLimits.MaxServiceUrlLength;

    public ServiceUrlDecision Decide(string? serviceUrl) =>
        TryParse(serviceUrl, out var uri) ? Decide(uri) : ServiceUrlDecision.Refuse;

    private ServiceUrlDecision Decide(Uri serviceUrl)
    {
        var allowed = serviceUrl.IsLoopback
            ? allowLoopback
            : serviceUrl.Scheme == Uri.UriSchemeHttps && allowedHosts.Any(pattern => Matches(serviceUrl.IdnHost.TrimEnd('.'), pattern));
        if (!allowed)
        {
            return ServiceUrlDecision.Refuse;
        }

        return hasCredentials ? ServiceUrlDecision.SendWithToken : ServiceUrlDecision.SendWithoutToken;
    }

    /// <summary>
    /// Parses a serviceUrl into the absolute http(s) base every connector path is appended to; false for anything that
    /// could not be one (relative, another scheme, user-info, query, fragment, too long, control characters).
    /// </summary>
    public static bool TryParse(string? serviceUrl, out Uri uri)
    {
        uri = null!;

        // A raw '?' or '#' can only start a query or a fragment, which the appended connector path would end up inside.
        if (string.IsNullOrEmpty(serviceUrl) || serviceUrl.Length > MaxLength
            || serviceUrl.AsSpan().IndexOfAny('?', '#') >= 0 || serviceUrl.Any(char.IsControl)
            || !Uri.TryCreate(serviceUrl, UriKind.Absolute, out var parsed)
            || (parsed.Scheme != Uri.UriSchemeHttps && parsed.Scheme != Uri.UriSchemeHttp)
            || parsed.UserInfo.Length > 0)
        {
            return false;
        }

        uri = parsed;
        return true;
    }

    private static bool Matches(string host, string pattern)
    {
        if (pattern.StartsWith("*.", StringComparison.Ordinal))
        {
            var suffix = pattern[1..];
            return host.Length > suffix.Length && host.EndsWith(suffix, StringComparison.OrdinalIgnoreCase);
        }

        return string.Equals(host, pattern, StringComparison.OrdinalIgnoreCase);
    }
}
