using KaizalaBot.BotFramework.Builder;
using KaizalaBot.Localization;
using KaizalaBot.Proactive;

namespace KaizalaBot.Bot.Commands;

/// <summary>
/// <c>reminders on|off</c> / <c>rappels on|off</c>: turns expiry reminders on or off for this chat (a seller's personal
/// chat, or the team channel's digest); without an argument, says whether they are on.
/// </summary>
internal sealed class RemindersCommand(InstallationStore installations, BotTexts texts) : ICommandHandler
{
    public async Task RunAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        var text = texts.ForLocale(activity.Locale);
        var key = CommandParser.ArgumentOf(activity.Text ?? CommandParser.CardCommandText(activity.Value)) switch
        {
            "on" => (await installations.SetRemindersAsync(activity, on: true, cancellationToken)) is null ? null : "remindersTurnedOn",
            "off" => (await installations.SetRemindersAsync(activity, on: false, cancellationToken)) is null ? null : "remindersTurnedOff",
            _ => (await installations.RefreshAsync(activity, cancellationToken))?.Installation.RemindersOff switch
            {
                true => "remindersStatusOff",
                false => "remindersStatusOn",
                null => null,
            },
        };

        // An activity without a tenant or user cannot own an installation; it is told how reminders work instead.
        await turnContext.SendActivityAsync(MessageFactory.Text(text[key ?? "commandReminders"]), cancellationToken);
    }
}
