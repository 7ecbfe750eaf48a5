using KaizalaBot.BotFramework.Schema;

namespace KaizalaBot.BotFramework.Connector;

/// <summary>
/// A connector path (reference §4) made only of escaped segments, so no id can change which resource a request names:
/// <c>/ ? # %</c> in an id are escaped, and an id of <c>.</c> or <c>..</c> is refused, because <see cref="Uri"/> removes
/// dot segments even when they are percent-encoded and the request would climb out of the conversation.
/// </summary>
internal sealed record ConnectorPath
{
    private ConnectorPath(string escaped) => Escaped = escaped;

    /// <summary>The path relative to the serviceUrl, e.g. <c>v3/conversations/a%3A1/activities</c>.</summary>
    public string Escaped { get; }

    /// <summary>Throws <see cref="ArgumentException"/> for a segment that is empty, a dot segment, or not well-formed UTF-16.</summary>
    public static ConnectorPath Of(params ReadOnlySpan<string> segments)
    {
        var escaped = new string[segments.Length];
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            if (string.IsNullOrEmpty(segment) || segment is "." or "..")
            {
                throw new ArgumentException($"'{segment}' cannot be an id in a connector path.", nameof(segments));
            }

            // Uri.EscapeDataString would turn a lone surrogate into U+FFFD, so two different ids could name one resource.
            if (!Utf16Text.IsWellFormed(segment))
            {
                throw new ArgumentException("An id in a connector path is not well-formed UTF-16.", nameof(segments));
            }

            escaped[i] = Uri.EscapeDataString(segment);
        }

        return new ConnectorPath(string.Join('/', escaped));
    }

    /// <summary>The absolute request URI under <paramref name="serviceUrl"/> (with or without its trailing slash).</summary>
    public Uri AppendTo(string serviceUrl)
    {
        if (!ServiceUrlPolicy.TryParse(serviceUrl, out var baseUri))
        {
            throw new ArgumentException("The serviceUrl must be an absolute http(s) URL without user-info, query or fragment.", nameof(serviceUrl));
        }

        return new Uri(baseUri.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/" + Escaped, UriKind.Absolute);
    }

    public override string ToString() => Escaped;
}
