namespace KaizalaBot.Reliability;

/// <summary>One Partner Center call as it crossed the recording proxy: what was asked and what the simulator answered.</summary>
internal sealed record PartnerCenterExchange(string Method, string Path, string RequestBody, int Status, TimeSpan Duration)
{
    /// <summary>An answer the bot had to survive: throttled, a server error, or one slower than the bot waits.</summary>
    public bool IsFault(TimeSpan attemptTimeout) => Status is 429 or >= 500 || Duration >= attemptTimeout;
}
