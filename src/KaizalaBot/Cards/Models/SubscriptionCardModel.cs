namespace KaizalaBot.Cards.Models;

/// <summary>Step 2: the customer's Kaizala Pro subscriptions with seats, assigned and unassigned, end date, days left, auto-renew.</summary>
public sealed record SubscriptionCardModel(CardHeader Header, IReadOnlyList<SubscriptionRow> Subscriptions);
