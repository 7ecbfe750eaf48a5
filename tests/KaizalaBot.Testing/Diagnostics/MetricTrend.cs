using System.Globalization;

namespace KaizalaBot.Testing.Diagnostics;

/// <summary>
/// A metric's least-squares line over the samples after the warm-up: its slope (units per minute) and the rise that slope
/// makes over the measured span, flat when that rise stays under the bound. A line rather than last-minus-first, so that
/// one sample taken at the top of a GC saw-tooth does not decide.
/// </summary>
public sealed record MetricTrend(string Name, string Unit, double SlopePerMinute, double Rise, double Bound, int Samples)
{
    public bool Flat => Samples >= 3 && Rise < Bound;

    public static MetricTrend Fit(string name, string unit, IReadOnlyList<(double Seconds, double Value)> points, double bound)
    {
        if (points.Count < 2)
        {
            return new MetricTrend(name, unit, double.NaN, double.NaN, bound, points.Count);
        }

        var meanX = points.Average(p => p.Seconds);
        var meanY = points.Average(p => p.Value);
        var covariance = points.Sum(p => (p.Seconds - meanX) * (p.Value - meanY));
        var variance = points.Sum(p => (p.Seconds - meanX) * (p.Seconds - meanX));
        var slopePerSecond = variance > 0 ? covariance / variance : 0;
        var span = points[^1].Seconds - points[0].Seconds;
        return new MetricTrend(name, unit, slopePerSecond * 60, slopePerSecond * span, bound, points.Count);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Name,-8} slope {SlopePerMinute,9:F3} {Unit}/min, rise over the measured span {Rise,9:F2} {Unit} (bound {Bound:F0} {Unit}, {Samples} samples): {(Flat ? "flat" : "RISING")}");
}
