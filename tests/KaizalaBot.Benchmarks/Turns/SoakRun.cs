using System.Diagnostics;
using System.Globalization;
using KaizalaBot.Testing.Diagnostics;

namespace KaizalaBot.Benchmarks.Turns;

/// <summary>
/// Memory over many turns and many conversations: the walk is run in chunks, each walk in a new conversation, and after
/// each chunk the bot is made to collect its garbage (<see cref="GcProbe"/>) before its managed heap and RSS are read.
/// Flat means the state of finished conversations stays in storage, not in the bot's memory: the least-squares line
/// through all the samples rises by less than <see cref="HeapBound"/> (heap) and <see cref="RssBound"/> (RSS) over the
/// soak. A line rather than last against first: the bot's per-conversation caches (the Teams rate limiter's send windows)
/// are swept once a minute, so the heap is a saw-tooth whose first and last samples can fall anywhere on a tooth.
/// </summary>
internal static class SoakRun
{
    /// <summary>
    /// The heap's rise allowed over a soak, MB: 100,000 turns of the welcome walk are 50,000 conversations, so a bot
    /// keeping as little as 100 bytes of each finished conversation in memory exceeds it; the saw-tooth of the rate
    /// limiter's windows (7 MB from tooth to trough in the run of 2026-11-30) moved the fitted line by 1.4 MB.
    /// </summary>
    public const double HeapBound = 5;

    /// <summary>
    /// RSS's, MB: the heap's bound plus what the runtime and the allocator keep for themselves (GC regions kept after a
    /// collection, the buffers of the probe's diagnostic sessions), which moved by 20 MB over the same run.
    /// </summary>
    public const double RssBound = 32;

    private const double Megabyte = 1048576.0;

    public static async Task<SoakResult> RunAsync(
        LoadGenerator generator, ServedProcess bot, Scenario scenario, int turns, TextWriter output, CancellationToken cancellationToken)
    {
        var chunk = Math.Max(1, turns / TurnSettings.SoakSamples);
        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Memory soak: {turns} turns of {scenario.Name} by {TurnSettings.SoakSellers} sellers on {bot.Name}, each walk in a new conversation; after every {chunk} turns a full GC, then the managed heap and RSS"));
        output.WriteLine("   turns  heap MB   RSS MB  errors");
        var samples = new List<SoakSample>();
        var errors = 0;
        var started = Stopwatch.GetTimestamp();
        for (var done = 0; done < turns; done += chunk)
        {
            var measurement = await generator.RunAsync(bot, scenario, TurnSettings.SoakSellers, Math.Min(chunk, turns - done), null, cancellationToken);
            errors += measurement.Errors;
            var heap = await GcProbe.CollectAsync(bot.Pid, cancellationToken);
            var rss = ProcFs.Rss(bot.Pid);
            samples.Add(new SoakSample(done + measurement.Turns, Stopwatch.GetElapsedTime(started), heap, rss));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{done + measurement.Turns,8} {heap / Megabyte,8:F1} {rss / Megabyte,8:F1} {errors,7}"));
        }

        var result = Judge(samples, errors);
        foreach (var trend in result.Trends)
        {
            output.WriteLine(trend);
        }

        output.WriteLine($"{(result.Met ? "met " : "MISS")}  memory flat over {turns} turns, {errors} errors");
        return result;
    }

    /// <summary>Each figure's least-squares trend over every sample, against its bound.</summary>
    public static SoakResult Judge(IReadOnlyList<SoakSample> samples, int errors) => new(
        samples,
        errors,
        [
            MetricTrend.Fit("heap", "MB", [.. samples.Select(s => (s.At.TotalSeconds, s.Heap / Megabyte))], HeapBound),
            MetricTrend.Fit("RSS", "MB", [.. samples.Select(s => (s.At.TotalSeconds, s.Rss / Megabyte))], RssBound),
        ]);
}
