namespace KaizalaBot.Migration.Reminders;

/// <summary>Who a reminder digest goes to: a seller's personal chat, or the configured team channel.</summary>
public enum ReminderRecipientKind
{
    Seller,
    Channel,
}
