namespace KaizalaBot.Bot.Reminders;

/// <summary>The verbs of the reminder and <c>expiring</c> cards' buttons (Cards/Templates/ExpiryList.json, ExpiryDetails.json).</summary>
internal static class ReminderVerbs
{
    public const string StartMigration = "startMigration";
    public const string Snooze = "snoozeReminder";
    public const string Handle = "handleCustomer";
    public const string HandBack = "releaseCustomer";
    public const string Details = "reminderDetails";
    public const string ExpiringPage = "expiringPage";
}
