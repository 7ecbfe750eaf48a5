namespace KaizalaBot.Bot.Routes;

/// <summary>The data of a reminder's <em>Start migration</em> button: the customer and its Kaizala Pro subscription.</summary>
internal sealed record StartMigrationData
{
    public required string CustomerId { get; init; }

    public string? SubscriptionId { get; init; }
}
