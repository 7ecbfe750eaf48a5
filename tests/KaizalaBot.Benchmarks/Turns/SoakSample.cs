namespace KaizalaBot.Benchmarks.Turns;

/// <summary>The bot's memory <see cref="At"/> into the soak, after <see cref="Turns"/> turns and a full garbage collection, bytes.</summary>
internal sealed record SoakSample(int Turns, TimeSpan At, long Heap, long Rss);
