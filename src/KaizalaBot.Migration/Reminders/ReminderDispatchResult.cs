namespace KaizalaBot.Migration.Reminders;

/// <summary>What one pass over the outboxes did: digests shown, reminders in them, and reminders given up.</summary>
public sealed record ReminderDispatchResult(int DigestsShown, int RemindersShown, int RemindersUndeliverable);
