namespace KaizalaBot.Migration.Jobs;

/// <summary>The seller cancelled: the step stops after its current Partner Center call.</summary>
public sealed class MigrationCancelledException : Exception
{
    public MigrationCancelledException()
        : base("The migration was cancelled by the seller.")
    {
    }

    public MigrationCancelledException(string message)
        : base(message)
    {
    }

    public MigrationCancelledException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
