namespace KaizalaBot.Bot.Reminders;

/// <summary>The data of a <i>Snooze</i> button: the subscription, and a day or a week.</summary>
internal sealed record SnoozeData
{
    public required string CustomerId { get; init; }

    public required string SubscriptionId { get; init; }

    public required int Days { get; init; }
}
