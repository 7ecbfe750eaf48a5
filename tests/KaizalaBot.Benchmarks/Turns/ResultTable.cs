using System.Globalization;
using System.Text;

namespace KaizalaBot.Benchmarks.Turns;

/// <summary>
/// Prints each measurement as it comes (the floor's line, then the bot's with its ratios to that floor), and at the end
/// the whole matrix as a Markdown table (what docs/performance.md holds) and the verdict on every target.
/// </summary>
internal sealed class ResultTable(TextWriter output)
{
    private static readonly CompositeFormat HeaderFormat = CompositeFormat.Parse("{0,-9} {1,7} {2,-15} {3,6} {4,9} {5,8} {6,8} {7,8} {8,9} {9,6} {10,8} {11,7} {12,6} {13,6} {14,8} {15,6} {16,7} {17,7}");
    private static readonly CompositeFormat LineFormat = CompositeFormat.Parse("{0,-9} {1,7} {2,-15} {3,6} {4,9:F1} {5,8:F2} {6,8:F2} {7,8:F2} {8,9:F0} {9,6:F2} {10,8:F0} {11,7:F1} {12,6:F1} {13,6:F1} {14,8:F1} {15,6} {16,7} {17,7}");

    private readonly List<ResultRow> _rows = [];

    public IReadOnlyList<ResultRow> Rows => _rows;

    public void PrintHeader() => output.WriteLine(string.Format(
        CultureInfo.InvariantCulture, HeaderFormat,
        "scenario", "sellers", "process", "turns", "turns/s", "p50 ms", "p99 ms", "max ms", "CPU µs/t", "cores", "peak MB", "KB/turn", "GC/1k", "GC %", "GCmax ms", "errors", "CPU×fl", "p99×fl"));

    public void Add(ResultRow row)
    {
        _rows.Add(row);
        Print(row.Scenario, row.Sellers, "floor", row.Floor, string.Empty, string.Empty);
        Print(row.Scenario, row.Sellers, "bot " + row.Storage, row.Bot, Ratio(row.CpuRatio), Ratio(row.P99Ratio));
        foreach (var error in new[] { row.Floor.FirstError, row.Bot.FirstError }.OfType<string>())
        {
            output.WriteLine($"          first error: {error}");
        }
    }

    public void PrintSummary()
    {
        output.WriteLine();
        output.WriteLine("| scenario | sellers | state | turns/s | p50 ms | p99 ms | max ms | CPU µs/turn | cores | peak RSS MB | KB alloc/turn | GC pause % | max GC pause ms | errors | floor CPU µs/turn | floor p99 ms | floor KB/turn | **CPU ÷ floor** | **p99 ÷ floor** |");
        output.WriteLine("|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var row in _rows)
        {
            var bot = row.Bot;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {row.Scenario} | {row.Sellers} | {row.Storage} | {bot.TurnsPerSecond:F0} | {bot.P50:F2} | {bot.P99:F2} | {bot.Max:F1} | {bot.CpuPerTurnMicroseconds:F0} | {bot.Cores:F2} | {bot.PeakRss / 1048576.0:F0} | {bot.AllocatedKilobytesPerTurn:F1} | {bot.GcPausePercent:F1} | {bot.MaxGcPauseMilliseconds:F1} | {bot.Errors} | {row.Floor.CpuPerTurnMicroseconds:F0} | {row.Floor.P99:F2} | {row.Floor.AllocatedKilobytesPerTurn:F1} | **{row.CpuRatio:F2}** | **{row.P99Ratio:F2}** |"));
        }

        output.WriteLine();
        foreach (var (target, met) in TurnTargets.Check(_rows))
        {
            output.WriteLine($"{(met ? "met " : "MISS")}  {target}");
        }
    }

    private void Print(string scenario, int sellers, string process, Measurement m, string cpuRatio, string p99Ratio) =>
        output.WriteLine(string.Format(
            CultureInfo.InvariantCulture, LineFormat,
            scenario, sellers, process, m.Turns, m.TurnsPerSecond, m.P50, m.P99, m.Max, m.CpuPerTurnMicroseconds, m.Cores, m.PeakRss / 1048576.0,
            m.AllocatedKilobytesPerTurn, m.Collections * 1000.0 / m.Turns, m.GcPausePercent, m.MaxGcPauseMilliseconds, m.Errors, cpuRatio, p99Ratio));

    private static string Ratio(double ratio) => ratio.ToString("F2", CultureInfo.InvariantCulture) + "x";
}
