namespace KaizalaBot.Cards.Models;

/// <summary>One subscription on the details card, worded in the reader's language.</summary>
public sealed record ExpiryDetailsSubscription(
    string SubscriptionId,
    string Subscription,
    string Status,
    string When,
    string WhenColor,
    string Seats,
    string AssignedUsers,
    string UnassignedSeats,
    string EndDate,
    string AutoRenew,
    bool CanMigrate);
