namespace KaizalaBot.Benchmarks.Turns;

/// <summary>The bot's memory after <see cref="Turns"/> soak turns and a full garbage collection, bytes.</summary>
internal sealed record SoakSample(int Turns, long Heap, long Rss);
