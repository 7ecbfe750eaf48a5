namespace KaizalaBot.Migration.Reminders;

/// <summary>Where a recipient's digest in flight stands; each step is recorded (under the outbox's ETag) before the next.</summary>
public enum OutboxStage
{
    /// <summary>Nothing in flight; queued reminders wait for the next pass.</summary>
    Idle,

    /// <summary>The header message is to be posted (it may have been, if the last attempt got no answer).</summary>
    Posting,

    /// <summary>The header is posted (<see cref="ReminderOutbox.ActivityId"/>); the digest is to be shown in it.</summary>
    Posted,
}
