namespace KaizalaBot.Cards.Models;

/// <summary>Step 6: what A, B and C will do, the findings (blocking ones disable Confirm), Preview and Confirm.</summary>
public sealed record ReviewCardModel(
    CardHeader Header, IReadOnlyList<CardFact> Facts, IReadOnlyList<PlannedStep> Steps, string PreviewNote,
    IReadOnlyList<FindingLine> Blocking, IReadOnlyList<FindingLine> Warnings, IReadOnlyList<string> Infos, bool CanConfirm);
