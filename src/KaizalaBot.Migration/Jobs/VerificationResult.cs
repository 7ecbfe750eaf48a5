namespace KaizalaBot.Migration.Jobs;

public sealed record VerificationResult
{
    public required DateTimeOffset CheckedAt { get; init; }

    public int UsersChecked { get; init; }

    /// <summary>Moved users who still hold Kaizala Pro (should be none).</summary>
    public IReadOnlyList<string> StillOnKaizala { get; init; } = [];

    /// <summary>Users the seller accepted to leave behind (failed and not retried).</summary>
    public int RemainderAccepted { get; init; }
}
