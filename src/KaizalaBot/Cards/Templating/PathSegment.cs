namespace KaizalaBot.Cards.Templating;

/// <summary>One step of a <see cref="PathExpression"/>: <c>.Member</c>, or <c>[Index]</c> when Member is null.</summary>
internal readonly record struct PathSegment(string? Member, int Index);
