namespace KaizalaBot.Cards.Models;

/// <summary>Step 4: the licence count, defaulting to the users to move, its limits explained.</summary>
public sealed record LicenceCountCardModel(CardHeader Header, IReadOnlyList<string> Explanations, string Label, int Value, int Min, int Max);
