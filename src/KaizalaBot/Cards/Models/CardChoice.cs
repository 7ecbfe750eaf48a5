namespace KaizalaBot.Cards.Models;

/// <summary>One choice of an Input.ChoiceSet.</summary>
public sealed record CardChoice(string Title, string Value);
