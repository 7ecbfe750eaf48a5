namespace KaizalaBot.Cards.Models;

/// <summary>The welcome card: its button sends the help command in the seller's language.</summary>
public sealed record WelcomeCardModel(string HelpCommand);
