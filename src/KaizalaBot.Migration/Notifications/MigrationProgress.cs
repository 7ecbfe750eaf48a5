using KaizalaBot.Migration.Jobs;

namespace KaizalaBot.Migration.Notifications;

/// <summary>What the seller's progress card shows: the record (state, conversation reference, card id) and B's counters.</summary>
public sealed record MigrationProgress(MigrationRecord Migration, int UsersMoved, int UsersFailed, int UsersTotal);
