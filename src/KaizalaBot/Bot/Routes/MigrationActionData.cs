namespace KaizalaBot.Bot.Routes;

/// <summary>The data of a migration card's button: which migration (and, for a decision, the Admin agent's comment).</summary>
internal sealed record MigrationActionData
{
    public required string MigrationId { get; init; }

    public string? Comment { get; init; }
}
