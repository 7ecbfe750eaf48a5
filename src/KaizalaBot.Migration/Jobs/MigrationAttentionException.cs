using KaizalaBot.Migration.Planning;

namespace KaizalaBot.Migration.Jobs;

/// <summary>A step met a permanent problem a person must resolve; the migration moves to NeedsAttention with the reason.</summary>
public sealed class MigrationAttentionException : Exception
{
    public MigrationAttentionException()
    {
    }

    public MigrationAttentionException(string message)
        : base(message)
    {
    }

    public MigrationAttentionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public MigrationAttentionException(MigrationMessage reason, Exception? innerException = null)
        : base($"Migration needs attention: {reason.Code}", innerException)
    {
        Reason = reason;
    }

    public MigrationMessage Reason { get; } = MigrationMessage.Of(MessageCodes.AttentionUnexpected);
}
