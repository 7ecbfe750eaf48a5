using KaizalaBot.Benchmarks.Turns;
using Xunit.Abstractions;

namespace KaizalaBot.Benchmarks.Tests;

/// <summary>
/// The turn benchmark's short run on every build: the bot, the floor, the simulator and Azurite as processes, help and
/// welcome at 8 sellers on Memory, File and Blob state, the migration walk (by invokes) up to its review card on File
/// state, then a short memory soak. What it asserts is what makes the
/// long run's figures trustworthy (every turn answered, every walk ending where it should, CPU and memory really read);
/// the figures themselves depend on the machine's load and are only printed.
/// </summary>
public sealed class TurnRunShortTests(ITestOutputHelper output)
{
    [Fact]
    public async Task ShortRun_EveryScenarioOnEveryState_EveryTurnAnsweredAndMeasured()
    {
        var settings = TurnSettings.Parse(["--short"]);
        using var log = new StringWriter();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));

        var report = await TurnRun.RunAsync(settings, log, timeout.Token);

        output.WriteLine(log.ToString());
        Assert.Equal(settings.Scenarios.Sum(s => settings.Storages.Count(storage => settings.Measures(s, storage))), report.Rows.Count);
        Assert.Contains(report.Rows, row => row.Scenario.StartsWith("migrate", StringComparison.Ordinal));
        Assert.All(report.Rows, row =>
        {
            Assert.True(row.Bot.Errors == 0 && row.Floor.Errors == 0, $"{row.Scenario} on {row.Storage}: {row.Bot.FirstError ?? row.Floor.FirstError}");
            var turns = settings.TurnsOf(settings.Scenarios.Single(s => s.Name == row.Scenario));
            Assert.Equal(turns, row.Bot.Turns);
            Assert.Equal(turns, row.Floor.Turns);
            Assert.True(row.Bot.WalksDone > 0);
            Assert.True(row.Bot.Cpu > TimeSpan.Zero);
            Assert.True(row.Bot.PeakRss > 0);
        });
        var soak = Assert.IsType<SoakResult>(report.Soak);
        Assert.Equal(0, soak.Errors);
        Assert.Equal(TurnSettings.SoakSamples, soak.Samples.Count);
        Assert.All(soak.Samples, sample => Assert.True(sample.Heap > 0 && sample.Rss > sample.Heap));
        Assert.All(soak.Trends, trend => Assert.Equal(TurnSettings.SoakSamples, trend.Samples));
    }
}
