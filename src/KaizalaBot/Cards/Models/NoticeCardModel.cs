namespace KaizalaBot.Cards.Models;

/// <summary>A short card that closes something (a cancelled set-up, a refusal): it replaces the clicked card, so no stale button stays.</summary>
public sealed record NoticeCardModel(string Title, string Text, IReadOnlyList<string> Lines);
