using KaizalaBot.BotFramework.Builder;
using KaizalaBot.Localization;
using KaizalaBot.Migration.Authorization;
using KaizalaBot.Migration.Jobs;
using KaizalaBot.MigrationHost;

namespace KaizalaBot.Bot.Commands;

/// <summary><c>history</c> / <c>historique</c>: the seller's finished migrations, newest first.</summary>
internal sealed class HistoryCommand(MigrationService migrations, MigrationLists lists, SellerAuthorizer authorizer, BotTexts texts)
    : SellerCommand(authorizer, texts)
{
    protected override async Task RunAsync(ITurnContext turnContext, TextTable texts, SellerIdentity seller, CancellationToken cancellationToken)
    {
        var finished = (await migrations.ListBySellerAsync(seller, cancellationToken)).Where(m => m.State.IsTerminal()).ToList();
        var intro = finished.Count > MigrationLists.MaxItems ? texts.Format("historyMore", MigrationLists.MaxItems, finished.Count) : "";
        var card = lists.Render(texts, "historyTitle", intro, lists.Section(texts, "historyFinished", "historyEmpty", finished));
        await turnContext.SendActivityAsync(MessageFactory.Attachment(card), cancellationToken);
    }
}
