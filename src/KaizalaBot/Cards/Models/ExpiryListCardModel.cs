namespace KaizalaBot.Cards.Models;

/// <summary>
/// A list of Kaizala Pro subscriptions, most urgent first: a reminder digest, or a page of <c>expiring</c>.
/// <see cref="More"/> says what is not shown; <see cref="NextAfter"/> is the next page's start (null on the last page).
/// </summary>
public sealed record ExpiryListCardModel(string Title, string Intro, IReadOnlyList<ExpiryCardItem> Items, string? More, string? NextAfter);
