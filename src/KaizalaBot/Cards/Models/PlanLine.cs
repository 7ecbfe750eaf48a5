namespace KaizalaBot.Cards.Models;

/// <summary>A plan in its family's list: name and seat limit, and the reason when it cannot be chosen.</summary>
public sealed record PlanLine(string Text, bool IsAllowed);
