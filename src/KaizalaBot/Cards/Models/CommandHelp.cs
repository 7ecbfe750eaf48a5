namespace KaizalaBot.Cards.Models;

/// <summary>One line of the help card: the command as the seller types it, and what it does.</summary>
public sealed record CommandHelp(string Name, string Description);
