using KaizalaBot.Migration.Authorization;
using KaizalaBot.Migration.Expiry;
using KaizalaBot.Migration.Jobs;
using Microsoft.Extensions.Logging;

namespace KaizalaBot.Migration.Reminders;

/// <summary>
/// Turns the expiry index into queued reminders: for every Kaizala Pro subscription that will lapse and is due (a lead
/// time crossed, or ended), unless a migration of it is running or done, one reminder per recipient — the customer's
/// owner when they can be reached, else the team channel, else every opted-in seller entitled to migrate. A reminder in
/// a recipient's ledger is never queued again; a snoozed one waits, then comes back once. Reads only storage.
/// </summary>
public sealed partial class ReminderPlanner(
    ExpiryIndex index,
    ReminderSchedule schedule,
    ReminderStore store,
    IReminderRecipients recipients,
    CustomerOwnership ownership,
    SellerAuthorizer authorizer,
    MigrationService migrations,
    TimeProvider time,
    ILogger<ReminderPlanner> logger)
{
    public async Task<ReminderPlanResult> PlanAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var routing = new Routing(recipients, IsEntitledAsync);
        var byRecipient = new Dictionary<string, (ReminderRecipient Recipient, List<ReminderItem> Items)>(StringComparer.Ordinal);
        var due = 0;
        await foreach (var entry in index.ReadAllAsync(cancellationToken))
        {
            // The index lists customers by their earliest lapsing end date, renewing-only customers last.
            var lapsing = entry.Lapsing.ToList();
            if (lapsing.Count == 0 || lapsing.Min(s => s.EndDate ?? DateTimeOffset.MaxValue) > now + schedule.Horizon)
            {
                break;
            }

            var items = await DueItemsAsync(entry, now, cancellationToken);
            if (items.Count == 0)
            {
                continue;
            }

            var owner = await ownership.GetAsync(entry.CustomerId, cancellationToken);
            if (owner is not null)
            {
                items = [.. items.Select(i => i with { OwnerName = owner.Seller.DisplayName })];
            }

            due += items.Count;
            foreach (var recipient in await routing.RecipientsAsync(owner, cancellationToken))
            {
                if (!byRecipient.TryGetValue(recipient.Key, out var pending))
                {
                    pending = (recipient, []);
                    byRecipient[recipient.Key] = pending;
                }

                pending.Items.AddRange(items);
            }
        }

        var queued = 0;
        foreach (var (recipient, items) in byRecipient.Values)
        {
            queued += await QueueAsync(recipient, items, now, cancellationToken);
        }

        LogPlanned(due, queued, byRecipient.Count);
        return new ReminderPlanResult(due, queued, byRecipient.Count);
    }

    private async Task<List<ReminderItem>> DueItemsAsync(ExpiryIndexEntry entry, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var items = new List<ReminderItem>();
        foreach (var subscription in entry.Lapsing)
        {
            if (schedule.DueOccasion(subscription.EndDate, now) is not { } occasion)
            {
                continue;
            }

            if (await migrations.FindForSubscriptionAsync(entry.CustomerId, subscription.SubscriptionId, cancellationToken) is { } migration)
            {
                LogMigrationUnderWay(entry.CustomerId, migration.Id, migration.State);
                continue;
            }

            items.Add(new ReminderItem { CustomerId = entry.CustomerId, CompanyName = entry.CompanyName, Subscription = subscription, Occasion = occasion });
        }

        return items;
    }

    /// <summary>Adds the recipient's new reminders to its outbox; returns how many.</summary>
    private async Task<int> QueueAsync(ReminderRecipient recipient, List<ReminderItem> due, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var sent = await store.ReadSentKeysAsync(recipient.Key, cancellationToken);
        var snoozed = await store.ListSnoozedSubscriptionsAsync(recipient.Key, cancellationToken);
        var fresh = new List<ReminderItem>();
        foreach (var item in due)
        {
            var candidate = item;
            var subscriptionKey = item.Subscription.SubscriptionId.ToLowerInvariant();
            if (snoozed.Contains(subscriptionKey) && await store.ReadSnoozeAsync(recipient.Key, subscriptionKey, cancellationToken) is { } snooze)
            {
                if (snooze.Until > now)
                {
                    continue;
                }

                // The snooze ended: the subscription comes back once, as the lead time now due if that one is new.
                var back = ReminderSchedule.SnoozeOccasion(snooze.Until);
                if (!sent.Contains($"{subscriptionKey}/{back}"))
                {
                    candidate = sent.Contains(item.Key) ? item with { Occasion = back } : item with { Covers = [back] };
                }
            }

            if (!sent.Contains(candidate.Key))
            {
                fresh.Add(candidate);
            }
        }

        if (fresh.Count == 0)
        {
            return 0;
        }

        var added = 0;
        await store.UpdateOutboxAsync(
            recipient.Key,
            box =>
            {
                var inFlight = box.InFlight.Select(i => i.Key).ToHashSet(StringComparer.Ordinal);
                var queued = box.Queued.ToList();
                added = 0;
                foreach (var item in fresh.Where(i => !inFlight.Contains(i.Key) && !queued.Exists(q => q.Key == i.Key)))
                {
                    // One reminder per subscription waits at a time: the newest occasion replaces an older one not yet shown.
                    queued.RemoveAll(q => string.Equals(q.Subscription.SubscriptionId, item.Subscription.SubscriptionId, StringComparison.OrdinalIgnoreCase));
                    queued.Add(item);
                    added++;
                }

                return added == 0 ? null : box with { Recipient = recipient, Queued = queued };
            },
            new ReminderOutbox { Recipient = recipient },
            cancellationToken);
        return added;
    }

    private async Task<bool> IsEntitledAsync(ReminderRecipient seller, CancellationToken cancellationToken) =>
        await authorizer.IsEntitledAsync(new SellerIdentity(seller.TenantId, seller.AadObjectId!, seller.DisplayName ?? ""), cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminders: {Due} due, {Queued} newly queued for {Recipients} recipients")]
    private partial void LogPlanned(int due, int queued, int recipients);

    [LoggerMessage(Level = LogLevel.Debug, Message = "No reminder about customer {CustomerId}: migration {MigrationId} is {State}")]
    private partial void LogMigrationUnderWay(string customerId, string migrationId, MigrationState state);

    /// <summary>Who gets a customer's reminders, with what one look at the index needs remembered (channel, sellers, entitlements).</summary>
    private sealed class Routing(IReminderRecipients recipients, Func<ReminderRecipient, CancellationToken, Task<bool>> isEntitled)
    {
        private readonly Dictionary<string, bool> _entitled = new(StringComparer.OrdinalIgnoreCase);
        private bool _channelRead;
        private ReminderRecipient? _channel;
        private List<ReminderRecipient>? _everyone;

        public async Task<IReadOnlyList<ReminderRecipient>> RecipientsAsync(CustomerOwner? owner, CancellationToken cancellationToken)
        {
            // An owner who cannot be reached (uninstalled, reminders off, no longer a seller) must not make the customer
            // silent: its reminders go where an unowned customer's go.
            if (owner is not null
                && await recipients.FindSellerAsync(owner.Seller.TenantId, owner.Seller.AadObjectId, cancellationToken) is { } seller
                && await EntitledAsync(seller, cancellationToken))
            {
                return [seller];
            }

            if (!_channelRead)
            {
                _channel = await recipients.GetChannelAsync(cancellationToken);
                _channelRead = true;
            }

            if (_channel is not null)
            {
                return [_channel];
            }

            if (_everyone is null)
            {
                _everyone = [];
                await foreach (var candidate in recipients.GetSellersAsync(cancellationToken))
                {
                    if (await EntitledAsync(candidate, cancellationToken))
                    {
                        _everyone.Add(candidate);
                    }
                }
            }

            return _everyone;
        }

        private async Task<bool> EntitledAsync(ReminderRecipient seller, CancellationToken cancellationToken)
        {
            if (!_entitled.TryGetValue(seller.AadObjectId!, out var entitled))
            {
                entitled = await isEntitled(seller, cancellationToken);
                _entitled[seller.AadObjectId!] = entitled;
            }

            return entitled;
        }
    }
}
