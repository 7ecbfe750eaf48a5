namespace KaizalaBot.Reliability;

/// <summary>
/// One run as planned before anything starts: its number, the lane that runs it, its store, and where its kill falls as
/// a fraction of the calibrated migration (none when the mode does not kill).
/// </summary>
public sealed record PlannedRun(int Run, int Lane, StorageKind Storage, double? KillFraction)
{
    /// <summary>The kill moment, counted from the bot's first start, for a migration that lasts <paramref name="calibration"/>.</summary>
    public TimeSpan? KillAfter(TimeSpan calibration) => KillFraction is { } fraction ? calibration * fraction : null;
}
