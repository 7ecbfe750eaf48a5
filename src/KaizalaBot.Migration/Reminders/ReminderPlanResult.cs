namespace KaizalaBot.Migration.Reminders;

/// <summary>What one look at the index found: reminders due, and how many were newly queued for how many recipients.</summary>
public sealed record ReminderPlanResult(int Due, int Queued, int Recipients);
