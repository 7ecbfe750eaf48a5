using KaizalaBot.Migration.Planning;
using KaizalaBot.PartnerCenter.Models;

namespace KaizalaBot.Migration.Expiry;

/// <summary>What makes a Kaizala Pro subscription worth a seller's attention (reference §3.3).</summary>
public static class KaizalaSubscriptionRules
{
    /// <summary>
    /// Auto-renew off and still active, or already expired: the subscriptions that will really lapse (or did). One
    /// that renews, or that a migration suspended, is not a reason to alert anyone.
    /// </summary>
    public static bool WillLapse(this KaizalaSubscriptionSummary subscription)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        return !subscription.AutoRenewEnabled && subscription.Status is SubscriptionStatus.Active or SubscriptionStatus.Expired;
    }

    /// <summary>Still in use: active (renewing or not) or expired without having been migrated and suspended.</summary>
    public static bool IsLive(this KaizalaSubscriptionSummary subscription)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        return subscription.Status is SubscriptionStatus.Active or SubscriptionStatus.Expired;
    }

    /// <summary>Whole days from <paramref name="now"/> to the end date (negative once ended), as the planner counts them.</summary>
    public static int? DaysLeft(DateTimeOffset? endDate, DateTimeOffset now) =>
        endDate is { } end ? (int)Math.Floor((end - now).TotalDays) : null;
}
