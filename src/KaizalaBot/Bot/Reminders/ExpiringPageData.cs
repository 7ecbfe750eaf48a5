namespace KaizalaBot.Bot.Reminders;

/// <summary>The data of the <i>Next page</i> button of <c>expiring</c>: where the next page starts.</summary>
internal sealed record ExpiringPageData
{
    public required string After { get; init; }
}
