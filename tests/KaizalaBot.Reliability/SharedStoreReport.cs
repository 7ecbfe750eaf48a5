namespace KaizalaBot.Reliability;

/// <summary>
/// What a <c>shared</c> run saw: every walk of the migration dialog through the round-robin proxy, the turns each
/// instance served, the turns re-run after a concurrent save, errors the bots logged, the scans asked for, and the
/// reminders counted at the connector and in the ledger.
/// </summary>
public sealed record SharedStoreReport(
    SharedStoreSettings Settings,
    IReadOnlyList<WalkResult> Walks,
    IReadOnlyList<int> TurnsPerInstance,
    int ConflictReRuns,
    int ErrorsLogged,
    int ScansAccepted,
    int ScansRefused,
    ReminderTally Reminders,
    TimeSpan Duration)
{
    /// <summary>In a <c>--no-etags</c> run, the store requests whose ETag condition the proxy dropped.</summary>
    public int? ConditionsDropped { get; init; }

    /// <summary>In a <c>--no-leases</c> run, the lease requests the store's proxy granted without asking Azurite.</summary>
    public int? LeasesGranted { get; init; }

    public bool Passed => Walks.Count == Settings.Sellers * Settings.Walks
        && Walks.All(w => w.ReachedReview && w.BurstSerial)
        && TurnsPerInstance.Count == 2 && TurnsPerInstance.All(t => t > 0)
        && ErrorsLogged == 0 && ScansRefused == 0 && ScansAccepted == 2 * Settings.ScanRounds + 2
        && Reminders.Clean;

    public override string ToString()
    {
        var (reached, lost, none) = (Walks.Count(w => w.ReachedReview), Walks.Count(w => w.Accepted > 1), Walks.Count(w => w.Accepted == 0));
        var (hops, steps) = (Walks.Sum(w => w.Hops), Walks.Sum(w => Math.Max(0, w.Instances.Count - 1)));
        var firstFailure = Walks.FirstOrDefault(w => !w.ReachedReview)?.Failure;
        return FormattableString.Invariant($"""
            walks      {reached} of {Walks.Count} reached the review card showing their choices (customer, plan, the count of the click taken){(firstFailure is null ? "" : $"; first broken walk: {firstFailure}")}
            bursts     {Walks.Count} bursts of {Settings.Burst} clicks at once on one count card: {Walks.Count(w => w.BurstSerial)} with exactly one taken and the rest refused as stale, {lost} with two or more taken (lost update), {none} with none taken, {Walks.Sum(w => w.Other)} clicks answered otherwise
            turns      {string.Join(", ", TurnsPerInstance.Select((t, i) => $"instance {i + 1} served {t}"))} requests; consecutive turns of a walk on the other instance: {hops} of {steps}
            re-runs    {ConflictReRuns} turns re-run after the other instance saved the conversation first (ETag conflict); errors logged by the bots {ErrorsLogged}{(ConditionsDropped is { } dropped ? $"; ETag conditions dropped by the store's proxy {dropped}" : "")}{(LeasesGranted is { } granted ? $"; lease requests granted by the store's proxy {granted}" : "")}
            scans      {ScansAccepted} reminder scans accepted ({Settings.ScanRounds + 1} times both instances at once), {ScansRefused} refused
            {Reminders}
            {Duration.TotalSeconds:F1} s: {(Passed ? "PASSED" : "FAILED")}
            """);
    }
}
