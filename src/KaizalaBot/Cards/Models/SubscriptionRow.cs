namespace KaizalaBot.Cards.Models;

/// <summary>A Kaizala Pro subscription: its facts, and why it cannot be chosen when it cannot.</summary>
public sealed record SubscriptionRow(string Id, string Name, IReadOnlyList<CardFact> Facts, bool CanChoose, string Note);
