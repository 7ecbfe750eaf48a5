using KaizalaBot.Migration.Planning;

namespace KaizalaBot.Dialogs.Migration;

/// <summary>The plan the seller chose and how it is bought (a new subscription, or seats added to one the customer holds).</summary>
public sealed record ChosenPlan(string PlanId, PurchaseKind Kind, string? ExistingSubscriptionId = null, int ExistingQuantity = 0, int ExistingFreeSeats = 0);
