namespace KaizalaBot.Migration.Jobs;

/// <summary>How a run of a migration ended, for the runner's failure back-off.</summary>
public enum MigrationRunEnd
{
    /// <summary>Finished, waiting, needing attention, cancelled, owned elsewhere, stopped, or paused after some progress.</summary>
    Ended,

    /// <summary>Partner Center was unwell before the run saved anything: retrying at once would only ask it again.</summary>
    PausedWithoutProgress,
}
