using KaizalaBot.Migration.Planning;

namespace KaizalaBot.Migration.Jobs;

/// <summary>What step B did for one user: its own small document, written after each licence update.</summary>
public sealed record UserOutcome
{
    public required string UserId { get; init; }

    public string? UserPrincipalName { get; init; }

    public string? DisplayName { get; init; }

    public required UserMoveStatus Status { get; init; }

    /// <summary>True when the user already had the new licence and no Kaizala Pro (nothing was changed).</summary>
    public bool WasAlreadyMoved { get; init; }

    /// <summary>For a failure: the reason (a <see cref="MessageCodes"/> <c>user.*</c> code) and what to do.</summary>
    public MigrationMessage? Failure { get; init; }

    public bool IsRetryable { get; init; }

    public string? ErrorCode { get; init; }

    public int Attempts { get; init; }

    public DateTimeOffset At { get; init; }
}
