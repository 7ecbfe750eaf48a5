namespace KaizalaBot.Migration.Jobs;

/// <summary>
/// The create-only document that makes "at most one active migration per (customer, source subscription)" a storage
/// guarantee: two confirmations racing both try to create it and exactly one succeeds.
/// </summary>
public sealed record ActiveMigrationIndex(string MigrationId, DateTimeOffset CreatedAt);
