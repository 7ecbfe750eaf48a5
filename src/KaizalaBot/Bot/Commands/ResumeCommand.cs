using KaizalaBot.BotFramework.Builder;
using KaizalaBot.Localization;
using KaizalaBot.Migration.Authorization;
using KaizalaBot.Migration.Jobs;
using KaizalaBot.MigrationHost;

namespace KaizalaBot.Bot.Commands;

/// <summary>
/// <c>resume</c> / <c>reprendre</c>: the migration set-up in progress shows its card again; otherwise the seller's
/// migration that needs attention shows its card (with what to do and its buttons), or the list when there are several.
/// </summary>
internal sealed class ResumeCommand(
    DialogRoute dialogs, MigrationService migrations, MigrationCards migrationCards, MigrationLists lists, SellerAuthorizer authorizer, BotTexts texts)
    : SellerCommand(authorizer, texts)
{
    protected override async Task RunAsync(ITurnContext turnContext, TextTable texts, SellerIdentity seller, CancellationToken cancellationToken)
    {
        if (await dialogs.HasActiveDialogAsync(turnContext, cancellationToken))
        {
            await dialogs.RepromptAsync(turnContext, cancellationToken);
            return;
        }

        var waiting = (await migrations.ListBySellerAsync(seller, cancellationToken)).Where(m => m.State == MigrationState.NeedsAttention).ToList();
        var reply = waiting switch
        {
            [] => MessageFactory.Text(texts["resumeNothing"]),
            [var only] => MessageFactory.Attachment(await migrationCards.RenderAsync(only, texts, seller, null, cancellationToken)),
            _ => MessageFactory.Attachment(lists.Render(texts, "resumeTitle", "", lists.Section(texts, "resumeWaiting", "resumeNothing", waiting))),
        };
        await turnContext.SendActivityAsync(reply, cancellationToken);
    }
}
