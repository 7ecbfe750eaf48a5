using KaizalaBot.Migration.Expiry;

namespace KaizalaBot.Migration.Reminders;

/// <summary>What one reminder cycle did: the scan (if one was due), the look for due reminders (if due), the deliveries.</summary>
public sealed record ReminderCycleResult(ExpiryScanResult? Scan, ReminderPlanResult? Plan, ReminderDispatchResult Dispatch);
