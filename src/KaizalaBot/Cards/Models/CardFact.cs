namespace KaizalaBot.Cards.Models;

/// <summary>One line of a FactSet.</summary>
public sealed record CardFact(string Title, string Value);
