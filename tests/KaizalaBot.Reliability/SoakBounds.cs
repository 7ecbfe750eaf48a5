namespace KaizalaBot.Reliability;

/// <summary>The largest rise of each metric over the measured span that still counts as flat.</summary>
public sealed record SoakBounds(long RssBytes, int Threads, int Handles);
