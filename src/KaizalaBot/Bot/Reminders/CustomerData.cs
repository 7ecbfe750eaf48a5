namespace KaizalaBot.Bot.Reminders;

/// <summary>The data of a button about a customer (<i>I'll handle it</i>, <i>Hand back</i>, <i>Details</i>).</summary>
internal sealed record CustomerData
{
    public required string CustomerId { get; init; }
}
