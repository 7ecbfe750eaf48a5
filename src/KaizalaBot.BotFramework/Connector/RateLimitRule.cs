namespace KaizalaBot.BotFramework.Connector;

/// <summary>At most <paramref name="Limit"/> sends in any <paramref name="Window"/> (a sliding window, as Teams counts).</summary>
public sealed record RateLimitRule(int Limit, TimeSpan Window);
