namespace KaizalaBot.Cards.Models;

public sealed record RecommendedPlan(string Name, string Detail, IReadOnlyList<string> Reasons, IReadOnlyList<string> Advantages);
