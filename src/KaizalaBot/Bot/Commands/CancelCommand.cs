using KaizalaBot.BotFramework.Builder;
using KaizalaBot.Dialogs.Migration;
using KaizalaBot.Localization;
using KaizalaBot.Migration.Jobs;
using KaizalaBot.MigrationHost;

namespace KaizalaBot.Bot.Commands;

/// <summary>
/// <c>cancel</c> / <c>annuler</c>: ends whatever dialog runs in this conversation; with none, lists the seller's
/// migrations that can still be cancelled (each card's <em>Cancel migration</em> asks for confirmation: a running
/// migration stops after its current step, and what was bought stays bought).
/// </summary>
internal sealed class CancelCommand(DialogRoute dialogs, MigrationService migrations, MigrationLists lists, BotTexts texts) : ICommandHandler
{
    public async Task RunAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var text = texts.ForLocale(turnContext.Activity.Locale);
        if (await dialogs.CancelAllAsync(turnContext, cancellationToken))
        {
            await turnContext.SendActivityAsync(MessageFactory.Text(text["cancelled"]), cancellationToken);
            return;
        }

        var cancellable = SellerIdentities.From(turnContext.Activity) is { } seller
            ? (await migrations.ListBySellerAsync(seller, cancellationToken))
                .Where(m => m.CancelRequestedBy is null && (m.State.IsRunnable() || m.State is MigrationState.AwaitingApproval or MigrationState.NeedsAttention))
                .ToList()
            : [];
        await turnContext.SendActivityAsync(
            cancellable.Count == 0
                ? MessageFactory.Text(text["nothingToCancel"])
                : MessageFactory.Attachment(lists.Render(text, "cancelTitle", text["cancelIntro"], lists.Section(text, "cancelRunning", "nothingToCancel", cancellable))),
            cancellationToken);
    }
}
