using KaizalaBot.Migration.Jobs;
using KaizalaBot.Migration.Planning;
using KaizalaBot.Migration.PartnerCenterAccess;
using KaizalaBot.PartnerCenter;
using KaizalaBot.PartnerCenter.Models;

namespace KaizalaBot.Migration.Steps;

/// <summary>
/// Step A, exactly once (architecture §5): a new subscription through cart and checkout under a friendly name unique to
/// the migration, or seats added to a held subscription by an absolute target quantity. Every breadcrumb is stored
/// before the call that depends on it; before buying, and after 800064/800065, the step looks for an order or
/// subscription already carrying the friendly name, so a lost answer is found, never bought again.
/// </summary>
internal sealed class PurchaseStep(string friendlyNamePrefix) : IMigrationStep
{
    public MigrationState State => MigrationState.Purchasing;

    public async Task<MigrationState> RunAsync(StepContext context, CancellationToken cancellationToken)
    {
        if (context.Migration.Purchase.CompletedAt is null)
        {
            if (context.Migration.PurchaseKind == PurchaseKind.AddSeats)
            {
                await AddSeatsAsync(context, cancellationToken);
            }
            else
            {
                await BuyAsync(context, cancellationToken);
            }
        }

        return MigrationState.AwaitingProvisioning;
    }

    private async Task BuyAsync(StepContext context, CancellationToken cancellationToken)
    {
        if (context.Migration.Purchase.FriendlyName is null)
        {
            var baseline = await TargetUnits.ReadAsync(context, cancellationToken);
            await context.Session.SaveAsync(
                m => m with
                {
                    Purchase = m.Purchase with
                    {
                        FriendlyName = $"{friendlyNamePrefix} {m.Id}",
                        CheckoutRequestId = Guid.NewGuid(),
                        BaselineUnits = baseline?.TotalUnits ?? 0,
                        SeatsBought = m.LicenceCount,
                    },
                },
                cancellationToken);
        }

        if (await ReconcileAsync(context, cancellationToken))
        {
            return;
        }

        context.ThrowIfCancelRequested();
        if (context.Migration.Purchase.CartId is null)
        {
            await CreateCartAsync(context, cancellationToken);
        }

        context.ThrowIfCancelRequested();
        await CheckoutAsync(context, cancellationToken);
    }

    private static async Task CreateCartAsync(StepContext context, CancellationToken cancellationToken)
    {
        var m = context.Migration;
        var plan = context.Plan;

        // Resolved now, never stored: availability ids change (reference §4.2).
        var availability = await context.PartnerCenter.CallAsync(
            context.Scope, "availabilities.list", plan.ProductId,
            (client, ct) => client.ResolveAvailabilityAsync(plan.ProductId, plan.SkuCode, m.Country, plan.Segment, ct), cancellationToken);
        var term = availability.Terms.FirstOrDefault(t => t.Duration == "P1Y") ?? (availability.Terms.Count > 0 ? availability.Terms[0] : null);
        var cart = new Cart
        {
            LineItems =
            [
                new CartLineItem
                {
                    Id = 0,
                    CatalogItemId = availability.CatalogItemId ?? $"{plan.ProductId}:{plan.SkuCode}:{availability.Id}",
                    Quantity = m.LicenceCount,
                    BillingCycle = term?.BillingCycle ?? BillingCycleType.Monthly,
                    TermDuration = term?.Duration ?? "P1Y",
                    FriendlyName = m.Purchase.FriendlyName,
                },
            ],
        };
        Cart created;
        try
        {
            created = await context.PartnerCenter.ChangeAsync(
                context.Scope, "carts.create", m.CustomerId, (client, ct) => client.CreateCartAsync(m.CustomerId, cart, ct), cancellationToken);
        }
        catch (PartnerException ex) when (!ex.IsTransient())
        {
            throw PurchaseFailed(ex);
        }

        await context.Session.SaveAsync(r => r with { Purchase = r.Purchase with { CartId = created.Id } }, cancellationToken);
    }

    private static async Task CheckoutAsync(StepContext context, CancellationToken cancellationToken)
    {
        // Stored before the irreversible call: a runner that lost the record cannot get past this save.
        await context.Session.SaveAsync(m => m with { Purchase = m.Purchase with { CheckoutStartedAt = context.Time.GetUtcNow() } }, cancellationToken);
        var m = context.Migration;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var result = await context.PartnerCenter.ChangeAsync(
                    context.Scope, "carts.checkout", m.Purchase.CartId,
                    (client, ct) => client.CheckoutCartAsync(m.CustomerId, m.Purchase.CartId!, ct), cancellationToken,
                    requestId: m.Purchase.CheckoutRequestId);
                var order = (result.Orders.Count > 0 ? result.Orders[0] : null) ?? throw new MigrationAttentionException(
                    MigrationMessage.Of(MessageCodes.AttentionPurchaseFailed, ("code", "noOrder")));
                var subscriptionId = order.LineItems.Select(l => l.SubscriptionId).FirstOrDefault(id => !string.IsNullOrEmpty(id));
                await RecordOrderAsync(context, order.Id, subscriptionId, cancellationToken);
                return;
            }
            catch (PartnerException ex) when (ex.HasCode("800064", "800065", "800060") || ex.IsTransient())
            {
                // Already submitted, or being processed, or the answer was lost: look before anything else.
                if (await ReconcileAsync(context, cancellationToken))
                {
                    return;
                }

                if (ex.HasCode("800065") || attempt >= 10)
                {
                    throw PurchaseFailed(ex);
                }

                await Task.Delay(context.Options.ProvisioningPollInterval / 6, context.Time, cancellationToken);
            }
            catch (PartnerException ex) when (ex.HasCode("800008"))
            {
                // The cart expired before checkout: nothing was bought (reconciliation found no order). A new cart.
                if (await ReconcileAsync(context, cancellationToken))
                {
                    return;
                }

                await context.Session.SaveAsync(r => r with { Purchase = r.Purchase with { CartId = null, CheckoutStartedAt = null } }, cancellationToken);
                await CreateCartAsync(context, cancellationToken);
                m = context.Migration;
            }
            catch (PartnerException ex)
            {
                throw PurchaseFailed(ex);
            }
        }
    }

    /// <summary>Finds an order or subscription created under the migration's friendly name; true when found (and stored).</summary>
    private static async Task<bool> ReconcileAsync(StepContext context, CancellationToken cancellationToken)
    {
        var m = context.Migration;
        var name = m.Purchase.FriendlyName!;
        var subscriptions = await context.PartnerCenter.CallAsync(
            context.Scope, "subscriptions.list", m.CustomerId, (client, ct) => client.GetSubscriptionsAsync(m.CustomerId, ct), cancellationToken);
        if (subscriptions.Items.FirstOrDefault(s => s.FriendlyName == name) is { } subscription)
        {
            await context.PartnerCenter.RecordFindingAsync(context.Scope, "reconcile.purchase", subscription.Id, "subscriptionFound");
            await RecordOrderAsync(context, subscription.OrderId, subscription.Id, cancellationToken);
            return true;
        }

        var orders = await context.PartnerCenter.CallAsync(
            context.Scope, "orders.list", m.CustomerId, (client, ct) => client.GetOrdersAsync(m.CustomerId, ct), cancellationToken);
        if (orders.Items.FirstOrDefault(o => o.Status != "cancelled" && o.LineItems.Any(l => l.FriendlyName == name)) is { } order)
        {
            await context.PartnerCenter.RecordFindingAsync(context.Scope, "reconcile.purchase", order.Id, "orderFound");
            await RecordOrderAsync(context, order.Id, null, cancellationToken);
            return true;
        }

        return false;
    }

    private static Task<MigrationRecord> RecordOrderAsync(StepContext context, string? orderId, string? subscriptionId, CancellationToken cancellationToken) =>
        context.Session.SaveAsync(
            m => m with
            {
                Purchase = m.Purchase with
                {
                    OrderId = orderId ?? m.Purchase.OrderId,
                    SubscriptionId = subscriptionId ?? m.Purchase.SubscriptionId,
                    CompletedAt = context.Time.GetUtcNow(),
                },
            },
            cancellationToken);

    private static async Task AddSeatsAsync(StepContext context, CancellationToken cancellationToken)
    {
        var m = context.Migration;
        var subscriptionId = m.ExistingSubscriptionId!;
        if (m.Purchase.TargetQuantity is null)
        {
            var before = await GetAsync(context, subscriptionId, cancellationToken);
            var baseline = await TargetUnits.ReadAsync(context, cancellationToken);

            // The absolute target, stored once: re-running this step can never add the seats twice.
            await context.Session.SaveAsync(
                r => r with
                {
                    Purchase = r.Purchase with
                    {
                        TargetQuantity = before.Quantity + r.LicenceCount,
                        BaselineUnits = baseline?.TotalUnits ?? 0,
                        SeatsBought = r.LicenceCount,
                        SubscriptionId = subscriptionId,
                    },
                },
                cancellationToken);
        }

        var target = context.Migration.Purchase.TargetQuantity!.Value;
        while (true)
        {
            var current = await GetAsync(context, subscriptionId, cancellationToken);
            if (current.Quantity >= target)
            {
                // Reached by an earlier attempt whose answer was lost, or nothing to add: never PATCHed again.
                await context.PartnerCenter.RecordFindingAsync(context.Scope, "reconcile.seats", subscriptionId, "quantityReached");
                break;
            }

            context.ThrowIfCancelRequested();
            try
            {
                await context.PartnerCenter.ChangeAsync(
                    context.Scope, "subscriptions.patch", subscriptionId,
                    (client, ct) => SubscriptionWriter.SetQuantityAsync(client, m.CustomerId, current, target, ct), cancellationToken);
                break;
            }
            catch (PartnerException ex) when (ex.HasCode("2055"))
            {
                // Changed since read (ETag): read again and decide again.
            }
            catch (PartnerException ex) when (!ex.IsTransient())
            {
                throw PurchaseFailed(ex);
            }
        }

        await context.Session.SaveAsync(r => r with { Purchase = r.Purchase with { CompletedAt = context.Time.GetUtcNow() } }, cancellationToken);
    }

    private static Task<Subscription> GetAsync(StepContext context, string subscriptionId, CancellationToken cancellationToken)
    {
        var customerId = context.Migration.CustomerId;
        return context.PartnerCenter.CallAsync(
            context.Scope, "subscriptions.get", subscriptionId,
            (client, ct) => client.GetSubscriptionAsync(customerId, subscriptionId, ct), cancellationToken);
    }

    private static MigrationAttentionException PurchaseFailed(PartnerException ex) =>
        new(MigrationMessage.Of(MessageCodes.AttentionPurchaseFailed, ("code", ex.ErrorCode ?? ex.ErrorCategory.ToString())), ex);
}
