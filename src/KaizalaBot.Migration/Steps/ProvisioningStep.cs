using KaizalaBot.Migration.Jobs;
using KaizalaBot.Migration.Planning;
using KaizalaBot.PartnerCenter.Models;

namespace KaizalaBot.Migration.Steps;

/// <summary>
/// Waits until the purchase is usable: the order completed (and the new subscription found through it, since the
/// checkout answer may lack its id, reference §5.2) and the tenant's pool shows the bought units (subscribed SKUs at
/// baseline + bought). Polls on the injected clock; gives up into NeedsAttention after <c>ProvisioningTimeout</c>.
/// </summary>
internal sealed class ProvisioningStep : IMigrationStep
{
    public MigrationState State => MigrationState.AwaitingProvisioning;

    public async Task<MigrationState> RunAsync(StepContext context, CancellationToken cancellationToken)
    {
        var started = context.Migration.Purchase.CompletedAt ?? context.Time.GetUtcNow();
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

            await Task.Delay(context.Options.ProvisioningPollInterval, context.Time, cancellationToken);
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
