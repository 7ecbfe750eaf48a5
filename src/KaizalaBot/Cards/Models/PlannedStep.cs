namespace KaizalaBot.Cards.Models;

/// <summary>What step A, B or C will do.</summary>
public sealed record PlannedStep(string Letter, string Text);
