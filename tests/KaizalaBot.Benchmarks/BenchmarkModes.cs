using System.Collections.Frozen;
using KaizalaBot.Benchmarks.Profiling;
using KaizalaBot.Benchmarks.Turns;

namespace KaizalaBot.Benchmarks;

/// <summary>
/// The harnesses this project runs, by the mode named as the first argument (<c>dotnet run -- turns --short</c>); one
/// line each. Without a mode, <see cref="BenchmarkProgram"/> runs its in-process help-turn benchmark.
/// </summary>
internal static class BenchmarkModes
{
    private static readonly FrozenDictionary<string, Func<string[], Task<int>>> Modes =
        new Dictionary<string, Func<string[], Task<int>>>
        {
            ["turns"] = TurnBenchmark.RunAsync,
            ["alloc-report"] = AllocationReport.RunAsync,
            ["migration"] = args => MigrationBenchmark.RunAsync(MigrationBenchmarkSettings.Parse(args)),
            ["expiry-scan"] = args => ExpiryScanBenchmark.RunAsync(new BenchmarkArguments(args)),
            ["reminder-fanout"] = args => ReminderFanOutBenchmark.RunAsync(new BenchmarkArguments(args)),
        }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    public static async Task<int> RunAsync(string mode, string[] args)
    {
        if (Modes.TryGetValue(mode, out var run))
        {
            return await run(args);
        }

        await Console.Error.WriteLineAsync($"Unknown mode '{mode}'; modes: {string.Join(", ", Modes.Keys)}.");
        return 2;
    }
}
