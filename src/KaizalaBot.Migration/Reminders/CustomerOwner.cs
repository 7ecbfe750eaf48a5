using KaizalaBot.Migration.Jobs;

namespace KaizalaBot.Migration.Reminders;

/// <summary>The seller who took a customer (<c>reminders/owners/{customer}</c>): its reminders go to them.</summary>
public sealed record CustomerOwner(string CustomerId, SellerIdentity Seller, DateTimeOffset Since);
