using KaizalaBot.Migration.Jobs;
using KaizalaBot.Migration.Notifications;
using KaizalaBot.Migration.Planning;

namespace KaizalaBot.MigrationHost;

/// <summary>
/// Tells the seller about migrations through the log until the conversation issue replaces it with cards in Teams.
/// Logs identifiers and counts only (no names).
/// </summary>
internal sealed partial class LoggingMigrationNotifier(ILogger<LoggingMigrationNotifier> logger) : IMigrationNotifier
{
    public Task ProgressAsync(MigrationProgress progress, CancellationToken cancellationToken)
    {
        LogProgress(progress.Migration.Id, progress.Migration.State, progress.UsersMoved, progress.UsersFailed, progress.UsersTotal);
        return Task.CompletedTask;
    }

    public Task AttentionNeededAsync(MigrationRecord migration, MigrationMessage reason, CancellationToken cancellationToken)
    {
        LogAttention(migration.Id, reason.Code);
        return Task.CompletedTask;
    }

    public Task ApprovalRequestedAsync(MigrationRecord migration, CancellationToken cancellationToken)
    {
        LogApproval(migration.Id, migration.LicenceCount);
        return Task.CompletedTask;
    }

    public Task FinishedAsync(MigrationRecord migration, CancellationToken cancellationToken)
    {
        LogFinished(migration.Id, migration.State, migration.Licences.Moved, migration.Licences.Failed, migration.Suspension.DeprovisionOn);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Migration {MigrationId}: {State}, {Moved} of {Total} users moved, {Failed} failed")]
    private partial void LogProgress(string migrationId, MigrationState state, int moved, int failed, int total);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Migration {MigrationId} needs the seller's attention: {Code}")]
    private partial void LogAttention(string migrationId, string code);

    [LoggerMessage(Level = LogLevel.Information, Message = "Migration {MigrationId} waits for an Admin agent's approval ({Seats} seats)")]
    private partial void LogApproval(string migrationId, int seats);

    [LoggerMessage(Level = LogLevel.Information, Message = "Migration {MigrationId} finished: {State}, {Moved} moved, {Failed} failed; Kaizala Pro deprovisioned on {DeprovisionOn}")]
    private partial void LogFinished(string migrationId, MigrationState state, int moved, int failed, DateTimeOffset? deprovisionOn);
}
