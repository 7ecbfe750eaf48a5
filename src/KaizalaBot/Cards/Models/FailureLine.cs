namespace KaizalaBot.Cards.Models;

/// <summary>A user whose licence could not be moved, why, and what to do.</summary>
public sealed record FailureLine(string Name, string Reason, string Action);
