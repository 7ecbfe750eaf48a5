namespace KaizalaBot.Migration.Reminders;

/// <summary>
/// The ledger of one (subscription, occasion, recipient) (<c>reminders/sent/{recipient}/{subscription}/{occasion}</c>),
/// created once: a reminder with an entry is never queued again.
/// </summary>
public sealed record SentReminder
{
    public required string CustomerId { get; init; }

    public required SentReminderState State { get; init; }

    public required DateTimeOffset At { get; init; }

    /// <summary>The Teams message that shows it.</summary>
    public string? ActivityId { get; init; }

    /// <summary>Why it could not be delivered.</summary>
    public string? Reason { get; init; }
}
