namespace KaizalaBot.Migration.Reminders;

/// <summary>
/// "Snooze": a recipient hears no more about a subscription until the time is up, then once again (the planner brings it
/// back). A reminder of that subscription still waiting in the outbox is withdrawn at once.
/// </summary>
public sealed class ReminderSnoozes(ReminderStore store, TimeProvider time)
{
    /// <summary>The durations a card offers: a day and a week.</summary>
    public static readonly IReadOnlyList<int> AllowedDays = [1, 7];

    public async Task<DateTimeOffset> SnoozeAsync(
        string recipientKey, string customerId, string subscriptionId, int days, string? snoozedBy, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(recipientKey);
        ArgumentException.ThrowIfNullOrEmpty(subscriptionId);
        if (!AllowedDays.Contains(days))
        {
            throw new ArgumentOutOfRangeException(nameof(days), days, "A reminder snoozes for a day or a week.");
        }

        var until = time.GetUtcNow().AddDays(days);
        await store.WriteSnoozeAsync(recipientKey, subscriptionId, new ReminderSnooze(customerId, until, snoozedBy), cancellationToken);
        await store.UpdateOutboxAsync(
            recipientKey,
            box => box.Queued.Any(Matches) ? box with { Queued = [.. box.Queued.Where(i => !Matches(i))] } : null,
            create: null,
            cancellationToken);
        return until;

        bool Matches(ReminderItem item) => string.Equals(item.Subscription.SubscriptionId, subscriptionId, StringComparison.OrdinalIgnoreCase);
    }
}
