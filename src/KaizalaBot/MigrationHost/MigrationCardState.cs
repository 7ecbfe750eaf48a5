namespace KaizalaBot.MigrationHost;

/// <summary>
/// What was shown about a migration (<c>migration-cards/{id}</c>): the card's message when the bot had to post it
/// itself, the once-only posts delivered (summary, attention, approval requests, decision) and those being sent.
/// </summary>
/// <remarks>
/// Builds before 2026-11-30 put a post in <see cref="Posted"/> when they claimed it, before sending it; such a key is
/// read as delivered, as those builds did.
/// </remarks>
public sealed record MigrationCardState
{
    public string? CardActivityId { get; init; }

    /// <summary>Once-only posts delivered (or whose conversation was gone): never sent again.</summary>
    public IReadOnlyList<string> Posted { get; init; } = [];

    /// <summary>Once-only posts an instance is sending: not sent by another until the claim is older than its lifetime.</summary>
    public IReadOnlyList<PostClaim> Sending { get; init; } = [];
}
