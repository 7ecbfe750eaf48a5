using KaizalaBot.Migration.Jobs;
using KaizalaBot.Migration.Notifications;
using KaizalaBot.Migration.Planning;

namespace KaizalaBot.Reliability;

/// <summary>
/// The harness's engine only plans and confirms migrations (what the dialog does); the bot process runs them. Its
/// notifier is therefore never called, and says so loudly if it ever is.
/// </summary>
internal sealed class HarnessNotifier : IMigrationNotifier
{
    public Task ProgressAsync(MigrationProgress progress, CancellationToken cancellationToken) => throw NotRunHere();

    public Task AttentionNeededAsync(MigrationRecord migration, MigrationMessage reason, CancellationToken cancellationToken) => throw NotRunHere();

    public Task ApprovalRequestedAsync(MigrationRecord migration, CancellationToken cancellationToken) => throw NotRunHere();

    public Task FinishedAsync(MigrationRecord migration, CancellationToken cancellationToken) => throw NotRunHere();

    private static InvalidOperationException NotRunHere() =>
        new("The reliability harness confirms migrations; only the bot process may run them.");
}
