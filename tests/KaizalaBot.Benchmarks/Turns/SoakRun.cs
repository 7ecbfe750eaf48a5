using System.Globalization;

namespace KaizalaBot.Benchmarks.Turns;

/// <summary>
/// Memory over many turns and many conversations: the walk is run in chunks, each walk in a new conversation, and after
/// each chunk the bot is made to collect its garbage (<see cref="GcProbe"/>) before its managed heap and RSS are read.
/// Flat means the state of finished conversations stays in storage, not in the bot's memory: from the first sample
/// (caches and pools warm) to the last, neither figure grows by more than 10 % (plus 4 MB of slack for the RSS, which
/// moves with the allocator's own bookkeeping).
/// </summary>
internal static class SoakRun
{
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
        for (var done = 0; done < turns; done += chunk)
        {
            var measurement = await generator.RunAsync(bot, scenario, TurnSettings.SoakSellers, Math.Min(chunk, turns - done), null, cancellationToken);
            errors += measurement.Errors;
            var heap = await GcProbe.CollectAsync(bot.Pid, cancellationToken);
            var rss = ProcFs.Rss(bot.Pid);
            samples.Add(new SoakSample(done + measurement.Turns, heap, rss));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{done + measurement.Turns,8} {heap / 1048576.0,8:F1} {rss / 1048576.0,8:F1} {errors,7}"));
        }

        var (_, firstHeap, firstRss) = samples[0];
        var (_, lastHeap, lastRss) = samples[^1];
        var flat = lastHeap <= firstHeap * 1.10 && lastRss <= (firstRss * 1.10) + (4 * 1048576);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{(flat && errors == 0 ? "met " : "MISS")}  memory flat over {turns} turns: heap after GC {firstHeap / 1048576.0:F1} -> {lastHeap / 1048576.0:F1} MB, RSS {firstRss / 1048576.0:F1} -> {lastRss / 1048576.0:F1} MB, {errors} errors"));
        return new SoakResult(samples, errors, flat);
    }
}
