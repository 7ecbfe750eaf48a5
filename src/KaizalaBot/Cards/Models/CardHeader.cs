namespace KaizalaBot.Cards.Models;

/// <summary>The top of a migration dialog card: which step, its title, and a one-off notice (an error or a confirmation).</summary>
public sealed record CardHeader(string Step, string Title, string Notice = "", bool NoticeIsError = false);
