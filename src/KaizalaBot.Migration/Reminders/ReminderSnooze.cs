namespace KaizalaBot.Migration.Reminders;

/// <summary>A recipient asked not to hear about a subscription until <see cref="Until"/>; it comes back then, once.</summary>
public sealed record ReminderSnooze(string CustomerId, DateTimeOffset Until, string? SnoozedBy);
