namespace KaizalaBot.Migration.Reminders;

/// <summary>
/// A recipient's pending reminders (<c>reminders/outbox/{recipient}</c>): queued ones, and the digest in flight with its
/// stage. It exists only while there is work, so listing the outboxes lists the recipients to serve.
/// </summary>
public sealed record ReminderOutbox
{
    public required ReminderRecipient Recipient { get; init; }

    public IReadOnlyList<ReminderItem> Queued { get; init; } = [];

    public IReadOnlyList<ReminderItem> InFlight { get; init; } = [];

    public OutboxStage Stage { get; init; }

    /// <summary>The posted header's id (stage <see cref="OutboxStage.Posted"/>).</summary>
    public string? ActivityId { get; init; }

    /// <summary>Not to be tried before then (Retry-After, back-off).</summary>
    public DateTimeOffset? NotBefore { get; init; }

    /// <summary>When the digest in flight first failed for a reason that may pass (throttling does not count).</summary>
    public DateTimeOffset? FailingSince { get; init; }

    public int Attempts { get; init; }

    public string? LastFailure { get; init; }

    public bool IsEmpty => Queued.Count == 0 && InFlight.Count == 0;
}
