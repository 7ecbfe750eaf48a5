namespace KaizalaBot.MigrationHost;

/// <summary>
/// What was shown about a migration (<c>migration-cards/{id}</c>): the card's message when the bot had to post it
/// itself, and the once-only posts already claimed (summary, attention, approval requests, decision).
/// </summary>
public sealed record MigrationCardState
{
    public string? CardActivityId { get; init; }

    public IReadOnlyList<string> Posted { get; init; } = [];
}
