using KaizalaBot.Migration.Notifications;

namespace KaizalaBot.MigrationHost;

/// <summary>Something to show about a migration; the record is read again when it is shown, so a queued job is never stale.</summary>
public sealed record MigrationCardJob(MigrationCardJobKind Kind, string MigrationId, MigrationProgress? Progress = null);
