using System.Globalization;
using KaizalaBot.Testing.Diagnostics;

namespace KaizalaBot.Reliability;

/// <summary>
/// A soak run's samples, each metric's trend after the warm-up, and the load the bot carried. Passed when every trend is
/// flat and the load went through: every turn answered 2xx, the replies of the message turns delivered (at most
/// <see cref="MissingRepliesAllowed"/> of them missing), every migration completed (at least one), every scan accepted.
/// </summary>
public sealed record SoakReport(
    SoakSettings Settings,
    IReadOnlyList<ProcessSample> Samples,
    IReadOnlyList<MetricTrend> Trends,
    SoakLoad Load)
{
    /// <summary>
    /// The share of replies that may be missing. A reply is sent within its turn, before the turn is answered, so on a
    /// healthy run none is; the bot drops one only when Teams' rate limits (enforced by its own limiter) cannot let it out
    /// before the turn's deadline, which moderate load spread over many chats never comes near. One in a thousand leaves
    /// room for a stall of the shared machine (a reply held past its 12 s deadline), not for a limit being hit: that
    /// would miss replies by the hundred, as the two-seller soak did.
    /// </summary>
    public const double MissingRepliesAllowed = 0.001;

    public const string SampleHeader = "       s   RSS MiB threads handles";

    public bool Passed => Trends.All(t => t.Flat)
        && Load.Turns > 0 && Load.TurnFailures == 0
        && Load.RepliesAwaited > 0 && Load.RepliesMissing <= Load.RepliesAwaited * MissingRepliesAllowed
        && Load.MigrationsCompleted > 0 && Load.MigrationsNotCompleted == 0
        && Load.Scans > 0 && Load.ScanFailures == 0;

    public static SoakReport Create(SoakSettings settings, IReadOnlyList<ProcessSample> samples, SoakBounds bounds, SoakLoad load)
    {
        var measured = samples.Where(s => s.At >= settings.WarmUp).ToList();
        IReadOnlyList<MetricTrend> trends =
        [
            MetricTrend.Fit("RSS", "MiB", [.. measured.Select(s => (s.At.TotalSeconds, s.RssBytes / (1024.0 * 1024)))], bounds.RssBytes / (1024.0 * 1024)),
            MetricTrend.Fit("threads", "threads", [.. measured.Select(s => (s.At.TotalSeconds, (double)s.Threads))], bounds.Threads),
            MetricTrend.Fit("handles", "fds", [.. measured.Select(s => (s.At.TotalSeconds, (double)s.Handles))], bounds.Handles),
        ];
        return new SoakReport(settings, samples, trends, load);
    }

    public override string ToString()
    {
        var lines = Trends.Select(t => t.ToString()).ToList();
        lines.Add(string.Create(CultureInfo.InvariantCulture,
            $"{Settings.Duration.TotalMinutes:F1} min, trend from {Settings.WarmUp.TotalSeconds:F0} s: {Load}: {(Passed ? "PASSED" : "FAILED")}"));
        return string.Join(Environment.NewLine, lines);
    }
}
