namespace KaizalaBot.BotFramework.Connector;

/// <summary>
/// Decides whether a serviceUrl may receive the bot's token. With an app id configured, a host outside the allow-list
/// is refused outright rather than called without the token: a Teams serviceUrl is always a Microsoft host, so a
/// different one means a forged or corrupted conversation reference, and silently posting the conversation's content
/// there would leak it. With no app id (local development) every host is called, without a token.
/// </summary>
internal sealed class ServiceUrlPolicy(IReadOnlyList<string> allowedHosts, bool allowLoopback, bool hasCredentials)
{
    public ServiceUrlDecision Decide(Uri serviceUrl)
    {
        ArgumentNullException.ThrowIfNull(serviceUrl);

        if (!hasCredentials)
        {
            return ServiceUrlDecision.SendWithoutToken;
        }

        if (serviceUrl.IsLoopback)
        {
            return allowLoopback ? ServiceUrlDecision.SendWithToken : ServiceUrlDecision.Refuse;
        }

        // A bearer token never travels in clear text, nor with user-info that could disguise the real host.
        if (serviceUrl.Scheme != Uri.UriSchemeHttps || !string.IsNullOrEmpty(serviceUrl.UserInfo))
        {
            return ServiceUrlDecision.Refuse;
        }

        var host = serviceUrl.IdnHost.TrimEnd('.');
        return allowedHosts.Any(pattern => Matches(host, pattern)) ? ServiceUrlDecision.SendWithToken : ServiceUrlDecision.Refuse;
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
