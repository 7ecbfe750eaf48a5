using System.Globalization;
using KaizalaBot.Testing.Diagnostics;

namespace KaizalaBot.Reliability;

/// <summary>
/// A soak run's samples, each metric's trend after the warm-up, and the load the bot carried. Passed when every trend is
/// flat and the load went through: every turn answered 2xx, every migration completed (at least one), every scan accepted.
/// </summary>
public sealed record SoakReport(
    SoakSettings Settings,
    IReadOnlyList<ProcessSample> Samples,
    IReadOnlyList<MetricTrend> Trends,
    int Turns,
    int TurnFailures,
    int MigrationsCompleted,
    int MigrationsNotCompleted,
    int Scans,
    int ScanFailures,
    int ConnectorCalls)
{
    public const string SampleHeader = "       s   RSS MiB threads handles";

    public bool Passed => Trends.All(t => t.Flat)
        && Turns > 0 && TurnFailures == 0
        && MigrationsCompleted > 0 && MigrationsNotCompleted == 0
        && Scans > 0 && ScanFailures == 0;

    public static SoakReport Create(
        SoakSettings settings, IReadOnlyList<ProcessSample> samples, SoakBounds bounds,
        int turns, int turnFailures, int completed, int notCompleted, int scans, int scanFailures, int connectorCalls)
    {
        var measured = samples.Where(s => s.At >= settings.WarmUp).ToList();
        IReadOnlyList<MetricTrend> trends =
        [
            MetricTrend.Fit("RSS", "MiB", [.. measured.Select(s => (s.At.TotalSeconds, s.RssBytes / (1024.0 * 1024)))], bounds.RssBytes / (1024.0 * 1024)),
            MetricTrend.Fit("threads", "threads", [.. measured.Select(s => (s.At.TotalSeconds, (double)s.Threads))], bounds.Threads),
            MetricTrend.Fit("handles", "fds", [.. measured.Select(s => (s.At.TotalSeconds, (double)s.Handles))], bounds.Handles),
        ];
        return new SoakReport(settings, samples, trends, turns, turnFailures, completed, notCompleted, scans, scanFailures, connectorCalls);
    }

    public override string ToString()
    {
        var lines = Trends.Select(t => t.ToString()).ToList();
        lines.Add(string.Create(CultureInfo.InvariantCulture,
            $"{Settings.Duration.TotalMinutes:F1} min, trend from {Settings.WarmUp.TotalSeconds:F0} s: {Turns} turns ({TurnFailures} not 2xx), {MigrationsCompleted} migrations completed ({MigrationsNotCompleted} not), {Scans} reminder scans ({ScanFailures} refused), {ConnectorCalls} connector calls: {(Passed ? "PASSED" : "FAILED")}"));
        return string.Join(Environment.NewLine, lines);
    }
}
