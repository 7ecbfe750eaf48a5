using KaizalaBot.Migration.Expiry;
using KaizalaBot.Migration.Planning;
using KaizalaBot.PartnerCenter.Models;

namespace KaizalaBot.Migration.Tests.Expiry;

/// <summary>Hand-made index entries for tests that start from the index rather than from a scan.</summary>
internal static class Entries
{
    public static ExpiryIndexEntry Lapsing(string customerId, DateTimeOffset endDate, string? name = null, int seats = 10, int assigned = 7) =>
        new()
        {
            CustomerId = customerId,
            CompanyName = name ?? $"Customer {customerId[..8]}",
            Domain = $"{customerId[..8]}.onmicrosoft.com",
            ScannedAt = endDate.AddDays(-90),
            Subscriptions =
            [
                new KaizalaSubscriptionSummary
                {
                    CustomerId = customerId,
                    SubscriptionId = $"sub-{customerId}",
                    FriendlyName = "Kaizala Pro",
                    Status = SubscriptionStatus.Active,
                    Seats = seats,
                    AssignedUsers = assigned,
                    EndDate = endDate,
                    AutoRenewEnabled = false,
                    ConfirmedBySubscribedSkus = true,
                },
            ],
        };
}
