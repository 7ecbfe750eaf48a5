namespace KaizalaBot.Benchmarks;

internal sealed record BenchmarkSettings(int Turns, int Concurrency, int Warmup, string Storage)
{
    public static BenchmarkSettings Parse(string[] args)
    {
        var values = new BenchmarkArguments(args);
        return new BenchmarkSettings(values.Int("turns", 2000), values.Int("concurrency", 8), values.Int("warmup", 200), values.String("storage", "File"));
    }
}
