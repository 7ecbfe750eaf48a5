namespace KaizalaBot.Bot.Reminders;

/// <summary>The data of a <i>Start migration</i> button: the customer and its Kaizala Pro subscription.</summary>
internal sealed record StartMigrationData
{
    public required string CustomerId { get; init; }

    public required string SubscriptionId { get; init; }
}
