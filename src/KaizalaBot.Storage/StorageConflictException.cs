namespace KaizalaBot.Storage;

/// <summary>
/// A write or delete precondition failed: the ETag is stale, or a create-only write found the key.
/// Nothing was changed; the caller re-reads and decides.
/// </summary>
public sealed class StorageConflictException : Exception
{
    public StorageConflictException()
    {
    }

    public StorageConflictException(string message)
        : base(message)
    {
    }

    public StorageConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public StorageConflictException(string key, WriteConditionKind condition, Exception? innerException = null)
        : base($"Storage write condition {condition} failed for key '{key}'.", innerException)
    {
        Key = key;
        Condition = condition;
    }

    public string? Key { get; }

    public WriteConditionKind? Condition { get; }
}
