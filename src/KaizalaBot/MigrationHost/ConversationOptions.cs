using System.ComponentModel.DataAnnotations;

namespace KaizalaBot.MigrationHost;

/// <summary>The <c>Conversation</c> section: how the migration conversation pages, prepares and refreshes its cards.</summary>
public sealed record ConversationOptions
{
    public const string SectionName = "Conversation";

    /// <summary>How often a card showing background work (users read, checks run) is redrawn in place at most.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan LiveCardInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Customers or users per card page (at most 12, so the largest page stays within a Teams message).</summary>
    [Range(3, 12)]
    public int PageSize { get; init; } = 8;

    /// <summary>
    /// How often each instance looks for migrations whose end is owed to their seller (the card and summary of a migration
    /// whose instance stopped before showing them), and shows them.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan NoticeRetryInterval { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// How long a once-only post (the summary, the attention notice, an approval request) claimed by an instance is left
    /// to it. Past this the instance is taken for dead before it could send or release the post, and the next one to show
    /// the migration sends it: well above the longest send (every connector retry with its timeout and back-off, and a
    /// Retry-After; about four minutes with the defaults), or a slow instance and its successor would both post it.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan PostClaimLifetime { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>How far back <c>status</c> shows finished migrations.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "90.00:00:00")]
    public TimeSpan RecentMigrations { get; init; } = TimeSpan.FromDays(7);
}
