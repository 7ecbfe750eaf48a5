using KaizalaBot.Migration.Planning;

namespace KaizalaBot.Migration.Jobs;

/// <summary>The answer to a seller's command: the migration as it now stands, or why nothing was done.</summary>
public sealed record CommandResult(CommandStatus Status, MigrationRecord? Migration, MigrationMessage? Reason = null)
{
    public bool Succeeded => Status == CommandStatus.Done;
}
