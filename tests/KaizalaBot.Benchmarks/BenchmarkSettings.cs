using System.Globalization;

namespace KaizalaBot.Benchmarks;

internal sealed record BenchmarkSettings(int Turns, int Concurrency, int Warmup, string Storage)
{
    public static BenchmarkSettings Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }

        int Int(string name, int fallback) =>
            values.TryGetValue(name, out var text) ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

        var storage = values.GetValueOrDefault("storage", "File");
        return new BenchmarkSettings(Int("turns", 2000), Int("concurrency", 8), Int("warmup", 200), storage);
    }
}
