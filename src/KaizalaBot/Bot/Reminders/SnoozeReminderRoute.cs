using KaizalaBot.BotFramework.Builder;
using KaizalaBot.Cards;
using KaizalaBot.Localization;
using KaizalaBot.Migration.Expiry;
using KaizalaBot.Migration.Reminders;

namespace KaizalaBot.Bot.Reminders;

/// <summary><i>Snooze</i> (a day, a week): no reminder about that subscription in this chat until then, then once again.</summary>
internal sealed class SnoozeReminderRoute(ReminderSnoozes snoozes, ExpiryIndex index, BotTexts texts) : CardActionRoute<SnoozeData>
{
    public override string Verb => CardVerbs.SnoozeReminder;

    protected override async Task<CardActionResult> OnActionAsync(CardActionContext<SnoozeData> action, CancellationToken cancellationToken)
    {
        var activity = action.TurnContext.Activity;
        var text = texts.ForLocale(activity.Locale);
        if (!ReminderSnoozes.AllowedDays.Contains(action.Data.Days) || ReminderTurn.RecipientKey(activity) is not { } recipient)
        {
            return CardActionResult.Message(text["staleCard"]);
        }

        var entry = await index.ReadAsync(action.Data.CustomerId, cancellationToken);
        var until = await snoozes.SnoozeAsync(recipient, action.Data.CustomerId, action.Data.SubscriptionId, action.Data.Days, activity.From?.Name, cancellationToken);
        return CardActionResult.Message(text.Format("reminderSnoozed", entry?.CompanyName ?? action.Data.CustomerId, until.UtcDateTime.ToString("D", text.Culture)));
    }
}
