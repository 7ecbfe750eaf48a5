namespace KaizalaBot.Cards.Models;

public sealed record PlanFamilyGroup(string Name, IReadOnlyList<PlanLine> Plans);
