namespace KaizalaBot.Cards.Models;

/// <summary>
/// One Kaizala Pro subscription on a reminder or <c>expiring</c> card, already worded in the reader's language; the ids
/// travel in the buttons' data so nothing has to be typed again.
/// </summary>
public sealed record ExpiryCardItem(
    string CustomerId,
    string SubscriptionId,
    string Customer,
    string Subscription,
    string When,
    string WhenColor,
    string Seats,
    string AssignedUsers,
    string UnassignedSeats,
    string EndDate,
    string? Owner);
