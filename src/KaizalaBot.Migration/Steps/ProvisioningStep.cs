using KaizalaBot.Migration.Jobs;
using KaizalaBot.Migration.Planning;
using KaizalaBot.PartnerCenter.Models;

namespace KaizalaBot.Migration.Steps;

/// <summary>
/// Waits until the purchase is usable: the order completed (and the new subscription found through it, since the
/// checkout answer may lack its id, reference §5.2) and the tenant's pool shows the bought units (subscribed SKUs at
/// baseline + bought). Polls on the injected clock, every 5 s at first and then less often, up to
/// <c>ProvisioningPollInterval</c>; gives up into NeedsAttention after <c>ProvisioningTimeout</c>.
/// </summary>
internal sealed class ProvisioningStep : IMigrationStep
{
    // Orders often complete within seconds: look again soon, then back off to ProvisioningPollInterval. A fixed 30-second
    // poll made a purchase provisioned in 31 seconds wait 60, every user of the migration with it.
    private static readonly TimeSpan FirstPoll = TimeSpan.FromSeconds(5);

    public MigrationState State => MigrationState.AwaitingProvisioning;

    public async Task<MigrationState> RunAsync(StepContext context, CancellationToken cancellationToken)
    {
        var started = context.Migration.Purchase.CompletedAt ?? context.Time.GetUtcNow();
        var interval = context.Options.ProvisioningPollInterval;
        var wait = FirstPoll < interval ? FirstPoll : interval;
        while (context.Migration.Purchase.ProvisionedAt is null)
        {
            if (await IsProvisionedAsync(context, cancellationToken))
            {
                await context.Session.SaveAsync(m => m with { Purchase = m.Purchase with { ProvisionedAt = context.Time.GetUtcNow() } }, cancellationToken);
                break;
            }

            if (context.Time.GetUtcNow() - started > context.Options.ProvisioningTimeout)
            {
                throw new MigrationAttentionException(MigrationMessage.Of(
                    MessageCodes.AttentionProvisioningTimeout, ("order", context.Migration.Purchase.OrderId ?? ""), ("since", started.ToString("u", System.Globalization.CultureInfo.InvariantCulture))));
            }

            await Task.Delay(wait, context.Time, cancellationToken);
            wait = wait * 2 < interval ? wait * 2 : interval;
            await context.Session.RefreshAsync(cancellationToken);
            context.ThrowIfCancelRequested();
        }

        return MigrationState.MovingLicences;
    }

    private static async Task<bool> IsProvisionedAsync(StepContext context, CancellationToken cancellationToken)
    {
        var m = context.Migration;
        if (m.Purchase.SubscriptionId is null)
        {
            var order = await context.PartnerCenter.CallAsync(
                context.Scope, "orders.get", m.Purchase.OrderId,
                (client, ct) => client.GetOrderAsync(m.CustomerId, m.Purchase.OrderId!, ct), cancellationToken);
            if (!string.Equals(order.Status, "completed", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            var created = await context.PartnerCenter.CallAsync(
                context.Scope, "subscriptions.list", order.Id,
                (client, ct) => client.GetSubscriptionsByOrderAsync(m.CustomerId, order.Id, ct), cancellationToken);
            var subscription = FindOurs(created.Items, m) ?? throw new MigrationAttentionException(
                MigrationMessage.Of(MessageCodes.AttentionPurchaseFailed, ("code", "noSubscriptionForOrder"), ("order", order.Id)));
            await context.Session.SaveAsync(r => r with { Purchase = r.Purchase with { SubscriptionId = subscription.Id } }, cancellationToken);
        }

        var pool = await TargetUnits.ReadAsync(context, cancellationToken);
        var expected = (context.Migration.Purchase.BaselineUnits ?? 0) + context.Migration.Purchase.SeatsBought;
        return pool is not null && pool.TotalUnits >= expected;
    }

    private static Subscription? FindOurs(IReadOnlyList<Subscription> subscriptions, MigrationRecord m) =>
        subscriptions.FirstOrDefault(s => s.FriendlyName == m.Purchase.FriendlyName)
        ?? (subscriptions.Count == 1 ? subscriptions[0] : null);
}
