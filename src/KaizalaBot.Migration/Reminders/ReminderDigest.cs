namespace KaizalaBot.Migration.Reminders;

/// <summary>
/// What one recipient is shown at once: every due reminder, most urgent first, on one card (up to
/// <see cref="ReminderOptions.MaxItemsPerCard"/>; <see cref="MoreCount"/> says how many more).
/// </summary>
public sealed record ReminderDigest(ReminderRecipient Recipient, IReadOnlyList<ReminderItem> Items, int MoreCount);
