namespace KaizalaBot.Cards.Models;

/// <summary>A pre-flight finding and what to do about it.</summary>
public sealed record FindingLine(string Text, string Action);
