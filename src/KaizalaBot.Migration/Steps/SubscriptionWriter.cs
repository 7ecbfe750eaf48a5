using KaizalaBot.PartnerCenter;
using KaizalaBot.PartnerCenter.Models;

namespace KaizalaBot.Migration.Steps;

/// <summary>
/// The two subscription PATCHes of the migration: always the whole subscription as read, with only the intended field
/// changed and its ETag as If-Match — a minimal body would silently turn auto-renew off (reference §3.4).
/// </summary>
internal static class SubscriptionWriter
{
    public static Task<Subscription> SetQuantityAsync(
        IPartnerCenterClient client, string customerId, Subscription current, int quantity, CancellationToken cancellationToken) =>
        client.PatchSubscriptionAsync(customerId, current with { Quantity = quantity }, cancellationToken);

    public static Task<Subscription> SuspendAsync(
        IPartnerCenterClient client, string customerId, Subscription current, CancellationToken cancellationToken) =>
        client.PatchSubscriptionAsync(customerId, current with { Status = SubscriptionStatus.Suspended }, cancellationToken);
}
