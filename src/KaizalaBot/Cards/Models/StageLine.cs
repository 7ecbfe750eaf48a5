namespace KaizalaBot.Cards.Models;

/// <summary>One stage of a migration on its card: done, current or to come.</summary>
public sealed record StageLine(string Mark, string Text, bool IsCurrent);
