using System.Globalization;

namespace KaizalaBot.HostileInput;

/// <summary>How big a run is. The CI test makes a short run; the command's defaults are the long one.</summary>
public sealed record HostileRunSettings(int Requests, int Seed, int Concurrency, TimeSpan RequestTimeout)
{
    public static HostileRunSettings LongRun { get; } = new(10_000, 20260701, 8, TimeSpan.FromSeconds(30));

    /// <summary>What CI runs on every build: seconds, same seed as the long run.</summary>
    public static HostileRunSettings ShortRun { get; } = new(1_500, 20260701, 4, TimeSpan.FromSeconds(30));

    public static HostileRunSettings Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }

        int Int(string name, int fallback) =>
            values.TryGetValue(name, out var text) ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

        return new HostileRunSettings(
            Int("requests", LongRun.Requests),
            Int("seed", LongRun.Seed),
            Int("concurrency", LongRun.Concurrency),
            TimeSpan.FromSeconds(Int("timeout-seconds", (int)LongRun.RequestTimeout.TotalSeconds)));
    }
}
