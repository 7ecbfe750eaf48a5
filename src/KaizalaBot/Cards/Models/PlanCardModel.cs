namespace KaizalaBot.Cards.Models;

/// <summary>Step 3: the recommended plan with its reasons first, the others grouped by family with their seat limits.</summary>
public sealed record PlanCardModel(
    CardHeader Header, bool HasRecommended, RecommendedPlan? Recommended, IReadOnlyList<PlanFamilyGroup> Families,
    bool HasOthers, IReadOnlyList<CardChoice> OtherChoices, string OtherDefault);
