namespace KaizalaBot.Migration.Jobs;

public static class MigrationStates
{
    /// <summary>States a runner picks up (a running state after a crash resumes where it stopped).</summary>
    public static bool IsRunnable(this MigrationState state) =>
        state is MigrationState.Queued or MigrationState.Purchasing or MigrationState.AwaitingProvisioning
            or MigrationState.MovingLicences or MigrationState.Suspending or MigrationState.Verifying;

    public static bool IsTerminal(this MigrationState state) =>
        state is MigrationState.Completed or MigrationState.CompletedWithFailures or MigrationState.Cancelled;

    /// <summary>Holds the (customer, source subscription) slot: no second migration may start.</summary>
    public static bool IsActive(this MigrationState state) => !state.IsTerminal();
}
