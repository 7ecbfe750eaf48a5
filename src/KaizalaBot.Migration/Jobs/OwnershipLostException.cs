namespace KaizalaBot.Migration.Jobs;

/// <summary>Another runner claimed the migration (this one's lease lapsed): stop at once and write nothing more.</summary>
public sealed class OwnershipLostException : Exception
{
    public OwnershipLostException()
    {
    }

    public OwnershipLostException(string message)
        : base(message)
    {
    }

    public OwnershipLostException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
