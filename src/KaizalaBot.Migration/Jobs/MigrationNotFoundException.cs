namespace KaizalaBot.Migration.Jobs;

public sealed class MigrationNotFoundException : Exception
{
    public MigrationNotFoundException()
    {
    }

    public MigrationNotFoundException(string migrationId)
        : base($"Migration '{migrationId}' does not exist.")
    {
        MigrationId = migrationId;
    }

    public MigrationNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public string? MigrationId { get; }
}
