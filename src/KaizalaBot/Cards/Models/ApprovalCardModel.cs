namespace KaizalaBot.Cards.Models;

/// <summary>The purchase an Admin agent approves or rejects; once decided, the decision replaces the buttons.</summary>
public sealed record ApprovalCardModel(string MigrationId, string Title, string Intro, IReadOnlyList<CardFact> Facts, string Decision, bool CanDecide);
