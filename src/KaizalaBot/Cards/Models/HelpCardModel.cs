namespace KaizalaBot.Cards.Models;

/// <summary>The help card lists the commands that are actually available, so it never promises what the bot cannot do.</summary>
public sealed record HelpCardModel(IReadOnlyList<CommandHelp> Commands);
