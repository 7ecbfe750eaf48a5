using KaizalaBot.Migration.Catalog;

namespace KaizalaBot.Migration.Planning;

/// <summary>An active subscription of a replacement plan the customer already has, and its unassigned seats.</summary>
public sealed record HeldPlan(ReplacementPlan Plan, string SubscriptionId, int Quantity, int FreeSeats);
