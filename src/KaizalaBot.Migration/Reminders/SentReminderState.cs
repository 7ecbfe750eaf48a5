namespace KaizalaBot.Migration.Reminders;

/// <summary>How a reminder ended: shown to its recipient, or given up for a permanent reason.</summary>
public enum SentReminderState
{
    Delivered,
    Undeliverable,
}
