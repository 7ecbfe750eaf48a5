using KaizalaBot.Migration.Diagnostics;
using KaizalaBot.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KaizalaBot.Migration.Reminders;

/// <summary>
/// Delivers the queued reminders, one digest per recipient, through a small state machine recorded in the recipient's
/// outbox before each step: Idle → Posting (the reminders in flight are fixed) → Posted (the header's id is known) →
/// shown and written to the ledger → Idle. A crash anywhere resumes from the recorded step: before the header's id is
/// recorded a header is posted again (at worst a second header), after it the digest is shown in that same message
/// again (an update, harmless to repeat), and the ledger is written before the outbox forgets the reminders, so none is
/// lost and none is shown twice. Throttling only postpones (Retry-After), failures that may pass back off for a day at
/// most, and a permanent refusal or a conversation Teams says is gone ends the reminders as undeliverable.
/// </summary>
public sealed partial class ReminderDispatcher(
    ReminderStore store,
    IReminderDelivery delivery,
    IReminderRecipients recipients,
    IOptions<ReminderOptions> options,
    TimeProvider time,
    ILogger<ReminderDispatcher> logger,
    MigrationTelemetry telemetry)
{
    // Sends in flight at once; Teams' rate limiter (per conversation and tenant) does the pacing, this only bounds memory.
    private const int Concurrency = 16;
    private const int MaxStepsPerPass = 8;
    private static readonly TimeSpan FirstRetry = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromHours(1);
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromDays(1);
    private static readonly TimeSpan RetryAfterWithoutHint = TimeSpan.FromSeconds(1);

    private readonly int _maxItemsPerCard = options.Value.MaxItemsPerCard;

    public async Task<ReminderDispatchResult> DispatchAsync(CancellationToken cancellationToken)
    {
        var digests = 0;
        var shown = 0;
        var undeliverable = 0;
        await Parallel.ForEachAsync(
            store.ListOutboxesAsync(cancellationToken),
            new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = cancellationToken },
            async (recipientKey, token) =>
            {
                var (d, s, u) = await DrainAsync(recipientKey, token);
                Interlocked.Add(ref digests, d);
                Interlocked.Add(ref shown, s);
                Interlocked.Add(ref undeliverable, u);
            });
        return new ReminderDispatchResult(digests, shown, undeliverable);
    }

    private async Task<(int Digests, int Shown, int Undeliverable)> DrainAsync(string recipientKey, CancellationToken cancellationToken)
    {
        var (digests, shown, undeliverable) = (0, 0, 0);
        for (var step = 0; step < MaxStepsPerPass; step++)
        {
            if (await store.ReadOutboxAsync(recipientKey, cancellationToken) is not { } stored)
            {
                break;
            }

            var box = stored.Value;
            if (box.NotBefore is { } notBefore && notBefore > time.GetUtcNow())
            {
                break;
            }

            if (box.Stage == OutboxStage.Idle)
            {
                if (box.Queued.Count == 0)
                {
                    await store.TryDeleteOutboxAsync(stored, cancellationToken);
                    continue;
                }

                await UpdateAsync(recipientKey, b => b.Stage == OutboxStage.Idle && b.Queued.Count > 0
                    ? b with { Stage = OutboxStage.Posting, InFlight = MostUrgentFirst(b.Queued), Queued = [], Attempts = 0, FailingSince = null, LastFailure = null }
                    : null, cancellationToken);
                continue;
            }

            var digest = Digest(box);
            if (box.Stage == OutboxStage.Posting)
            {
                var posted = await delivery.PostAsync(box.Recipient, digest, cancellationToken);
                if (posted.Kind != DeliveryOutcomeKind.Delivered)
                {
                    undeliverable += await FailAsync(box, posted, cancellationToken);
                    break;
                }

                await UpdateAsync(recipientKey, b => b.Stage == OutboxStage.Posting && SameInFlight(b, box)
                    ? b with { Stage = OutboxStage.Posted, ActivityId = posted.ActivityId, NotBefore = null }
                    : null, cancellationToken);
                continue;
            }

            var outcome = await delivery.ShowAsync(box.Recipient, box.ActivityId!, digest, cancellationToken);
            switch (outcome.Kind)
            {
                case DeliveryOutcomeKind.Delivered:
                    await RecordAsync(box, SentReminderState.Delivered, box.ActivityId, null, cancellationToken);
                    await UpdateAsync(recipientKey, b => b.Stage == OutboxStage.Posted && b.ActivityId == box.ActivityId
                        ? b with { Stage = OutboxStage.Idle, InFlight = [], ActivityId = null, NotBefore = null, Attempts = 0, FailingSince = null, LastFailure = null }
                        : null, cancellationToken);
                    digests++;
                    shown += box.InFlight.Count;
                    LogShown(box.Recipient.Kind, box.InFlight.Count, box.ActivityId!);
                    telemetry.RemindersEnded("shown", Kind(box.Recipient), box.InFlight.Count);
                    break;
                case DeliveryOutcomeKind.MessageMissing:
                    await UpdateAsync(recipientKey, b => b.Stage == OutboxStage.Posted && b.ActivityId == box.ActivityId
                        ? b with { Stage = OutboxStage.Posting, ActivityId = null }
                        : null, cancellationToken);
                    break;
                default:
                    undeliverable += await FailAsync(box, outcome, cancellationToken);
                    return (digests, shown, undeliverable);
            }
        }

        return (digests, shown, undeliverable);
    }

    /// <summary>Records a failed step; returns the reminders given up.</summary>
    private async Task<int> FailAsync(ReminderOutbox box, DeliveryOutcome outcome, CancellationToken cancellationToken)
    {
        var key = box.Recipient.Key;
        var now = time.GetUtcNow();
        switch (outcome.Kind)
        {
            case DeliveryOutcomeKind.Throttled:
                var wait = outcome.RetryAfter ?? RetryAfterWithoutHint;
                LogThrottled(box.Recipient.Kind, wait);
                await UpdateAsync(key, b => SameInFlight(b, box) ? b with { NotBefore = now + wait, LastFailure = "throttled" } : null, cancellationToken);
                return 0;

            case DeliveryOutcomeKind.Gone:
                // Teams will not take messages there until the person re-engages: drop the reference and end everything waiting.
                LogGone(box.Recipient.Kind, outcome.Reason);
                await recipients.ForgetAsync(box.Recipient, cancellationToken);
                var all = new ReminderOutbox { Recipient = box.Recipient, InFlight = [.. box.InFlight, .. box.Queued] };
                await RecordAsync(all, SentReminderState.Undeliverable, null, outcome.Reason ?? "conversationGone", cancellationToken);
                telemetry.RemindersEnded("undeliverable", Kind(box.Recipient), all.InFlight.Count);
                if (await store.ReadOutboxAsync(key, cancellationToken) is { } stored)
                {
                    await store.TryDeleteOutboxAsync(stored, cancellationToken);
                }

                return all.InFlight.Count;

            case DeliveryOutcomeKind.Transient when box.FailingSince is not { } since || now - since < GiveUpAfter:
                var delay = TimeSpan.FromTicks(Math.Min(LongestRetry.Ticks, FirstRetry.Ticks << Math.Min(box.Attempts, 10)));
                LogRetrying(box.Recipient.Kind, outcome.Reason, delay);
                await UpdateAsync(key, b => SameInFlight(b, box)
                    ? b with { NotBefore = now + delay, Attempts = b.Attempts + 1, FailingSince = b.FailingSince ?? now, LastFailure = outcome.Reason }
                    : null, cancellationToken);
                return 0;

            default:
                var reason = outcome.Kind == DeliveryOutcomeKind.Transient ? $"failing for a day: {outcome.Reason}" : outcome.Reason ?? "rejected";
                LogUndeliverable(box.Recipient.Kind, box.InFlight.Count, reason);
                await RecordAsync(box, SentReminderState.Undeliverable, null, reason, cancellationToken);
                telemetry.RemindersEnded("undeliverable", Kind(box.Recipient), box.InFlight.Count);
                await UpdateAsync(key, b => SameInFlight(b, box)
                    ? b with { Stage = OutboxStage.Idle, InFlight = [], ActivityId = null, NotBefore = null, Attempts = 0, FailingSince = null, LastFailure = reason }
                    : null, cancellationToken);
                return box.InFlight.Count;
        }
    }

    private static string Kind(ReminderRecipient recipient) => recipient.Kind == ReminderRecipientKind.Seller ? "seller" : "channel";

    private async Task RecordAsync(ReminderOutbox box, SentReminderState state, string? activityId, string? reason, CancellationToken cancellationToken)
    {
        var at = time.GetUtcNow();
        foreach (var item in box.InFlight)
        {
            var record = new SentReminder { CustomerId = item.CustomerId, State = state, At = at, ActivityId = activityId, Reason = reason };
            await store.RecordAsync(box.Recipient.Key, item, record, cancellationToken);
            foreach (var covered in item.Covers)
            {
                await store.RecordAsync(box.Recipient.Key, item with { Occasion = covered, Covers = [] }, record, cancellationToken);
            }
        }
    }

    private Task<ReminderOutbox?> UpdateAsync(string recipientKey, Func<ReminderOutbox, ReminderOutbox?> change, CancellationToken cancellationToken) =>
        store.UpdateOutboxAsync(recipientKey, change, create: null, cancellationToken);

    private ReminderDigest Digest(ReminderOutbox box) =>
        new(box.Recipient, [.. box.InFlight.Take(_maxItemsPerCard)], Math.Max(0, box.InFlight.Count - _maxItemsPerCard));

    private static IReadOnlyList<ReminderItem> MostUrgentFirst(IEnumerable<ReminderItem> items) =>
        [.. items.OrderBy(i => i.Subscription.EndDate ?? DateTimeOffset.MaxValue).ThenBy(i => i.CompanyName, StringComparer.CurrentCulture)];

    private static bool SameInFlight(ReminderOutbox current, ReminderOutbox read) =>
        current.Stage == read.Stage && current.InFlight.Select(i => i.Key).SequenceEqual(read.InFlight.Select(i => i.Key), StringComparer.Ordinal);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminder digest of {Count} shown to a {Kind} (message {ActivityId})")]
    private partial void LogShown(ReminderRecipientKind kind, int count, string activityId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminder digest to a {Kind} held by Teams' rate limits for {Wait}")]
    private partial void LogThrottled(ReminderRecipientKind kind, TimeSpan wait);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reminder digest to a {Kind} failed ({Reason}); trying again in {Delay}")]
    private partial void LogRetrying(ReminderRecipientKind kind, string? reason, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Teams says a {Kind} can no longer be written to ({Reason}): reference dropped, its reminders end")]
    private partial void LogGone(ReminderRecipientKind kind, string? reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} reminders to a {Kind} are undeliverable: {Reason}")]
    private partial void LogUndeliverable(ReminderRecipientKind kind, int count, string reason);
}
