namespace KaizalaBot.Cards.Models;

/// <summary>
/// One customer's Kaizala Pro subscriptions in full (<c>Details</c>): who handles it, and the buttons that fit the
/// reader (take it, or hand it back when it is theirs).
/// </summary>
public sealed record ExpiryDetailsCardModel(
    string CustomerId,
    string Customer,
    string AsOf,
    string? Owner,
    bool IsYours,
    IReadOnlyList<ExpiryDetailsSubscription> Subscriptions);
