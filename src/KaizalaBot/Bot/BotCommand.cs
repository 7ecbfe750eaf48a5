namespace KaizalaBot.Bot;

/// <summary>The commands a seller can type (architecture §4); the others arrive with their issues.</summary>
public enum BotCommand
{
    Help,
    Migrate,
    Status,
    Resume,
    Cancel,
    History,
    Expiring,
    Reminders,
}
