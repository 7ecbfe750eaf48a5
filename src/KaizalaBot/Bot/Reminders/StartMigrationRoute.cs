using KaizalaBot.BotFramework.Builder;
using KaizalaBot.Cards;
using KaizalaBot.Dialogs.Migration;
using KaizalaBot.Migration.Expiry;

namespace KaizalaBot.Bot.Reminders;

/// <summary>
/// <i>Start migration</i> on a reminder or <c>expiring</c> card: the migration dialog on that customer and subscription,
/// with nothing to re-type. The launcher decides where: in this chat when it is the seller's personal chat, else in their
/// personal chat (a channel's digest is the team's). The dialog checks the ids against Partner Center like any answer, so
/// a forged or stale card lands on an earlier step saying so; the reminder card itself stays as it is.
/// </summary>
internal sealed class StartMigrationRoute(MigrationDialogLauncher launcher, ExpiryIndex index) : CardActionRoute<StartMigrationData>
{
    public override string Verb => CardVerbs.StartMigration;

    protected override async Task<CardActionResult> OnActionAsync(CardActionContext<StartMigrationData> action, CancellationToken cancellationToken)
    {
        // The name the index knows is shown until Partner Center's is read.
        var name = (await index.ReadAsync(action.Data.CustomerId, cancellationToken))?.CompanyName;
        await launcher.StartAsync(
            action.TurnContext,
            new MigrationDialogOptions { CustomerId = action.Data.CustomerId, CustomerName = name, SubscriptionId = action.Data.SubscriptionId },
            cancellationToken);
        return CardActionResult.None;
    }
}
