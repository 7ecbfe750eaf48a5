namespace KaizalaBot.Migration.Jobs;

/// <summary>Architecture §5: Draft -> [AwaitingApproval ->] Queued -> Purchasing -> ... -> Completed.</summary>
public enum MigrationState
{
    Draft,
    AwaitingApproval,
    Queued,
    Purchasing,
    AwaitingProvisioning,
    MovingLicences,
    Suspending,
    Verifying,
    Completed,
    CompletedWithFailures,
    Cancelled,
    NeedsAttention,
}
