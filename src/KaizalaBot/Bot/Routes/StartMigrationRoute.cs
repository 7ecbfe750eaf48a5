using KaizalaBot.Bot.Reminders;
using KaizalaBot.BotFramework.Builder;
using KaizalaBot.Dialogs.Migration;

namespace KaizalaBot.Bot.Routes;

/// <summary>
/// A reminder's (or the <c>expiring</c> list's) <em>Start migration</em>: the migration dialog opened on that customer
/// and subscription through its public entry point, in the seller's personal chat. The reminder card stays as it is;
/// the dialog's first card is a message of its own, and its entitlement check and id checks are the dialog's.
/// </summary>
internal sealed class StartMigrationRoute(MigrationDialogLauncher launcher) : CardActionRoute<StartMigrationData>
{
    public override string Verb => ReminderVerbs.StartMigration;

    protected override async Task<CardActionResult> OnActionAsync(CardActionContext<StartMigrationData> action, CancellationToken cancellationToken)
    {
        await launcher.StartAsync(
            action.TurnContext,
            new MigrationDialogOptions { CustomerId = action.Data.CustomerId, SubscriptionId = action.Data.SubscriptionId },
            cancellationToken);
        return CardActionResult.None;
    }
}
