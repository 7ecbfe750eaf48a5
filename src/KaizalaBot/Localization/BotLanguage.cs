namespace KaizalaBot.Localization;

/// <summary>The languages sellers use the bot in (architecture §8).</summary>
public enum BotLanguage
{
    English,
    French,
}
