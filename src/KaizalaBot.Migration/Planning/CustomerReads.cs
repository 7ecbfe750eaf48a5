using KaizalaBot.PartnerCenter.Models;

namespace KaizalaBot.Migration.Planning;

/// <summary>A customer's subscriptions and subscribed SKUs as the conversation read them, and when.</summary>
public sealed record CustomerReads(
    string CustomerId, IReadOnlyList<Subscription> Subscriptions, IReadOnlyList<SubscribedSku> SubscribedSkus, DateTimeOffset ReadAt);
