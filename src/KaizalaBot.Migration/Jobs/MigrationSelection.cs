namespace KaizalaBot.Migration.Jobs;

/// <summary>The users a migration moves: written once when it is confirmed, never rewritten.</summary>
public sealed record MigrationSelection(string MigrationId, IReadOnlyList<MigrationUser> Users);
