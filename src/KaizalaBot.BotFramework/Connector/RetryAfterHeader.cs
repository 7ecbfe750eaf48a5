namespace KaizalaBot.BotFramework.Connector;

/// <summary>Reads a response's <c>Retry-After</c> as a wait from now (seconds or an HTTP date; never negative).</summary>
internal static class RetryAfterHeader
{
    public static TimeSpan? Read(HttpResponseMessage response, DateTimeOffset now)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - now;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }
}
