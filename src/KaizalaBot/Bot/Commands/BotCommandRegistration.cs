namespace KaizalaBot.Bot.Commands;

/// <summary>A registered command and the text key of its line on the help card.</summary>
internal sealed record BotCommandRegistration(BotCommand Command, string HelpTextKey);
