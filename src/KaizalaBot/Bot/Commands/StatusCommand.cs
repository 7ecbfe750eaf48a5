using KaizalaBot.BotFramework.Builder;
using KaizalaBot.Localization;
using KaizalaBot.Migration.Authorization;
using KaizalaBot.Migration.Jobs;
using KaizalaBot.MigrationHost;
using Microsoft.Extensions.Options;

namespace KaizalaBot.Bot.Commands;

/// <summary>
/// <c>status</c> / <c>statut</c>: the seller's active and recent migrations, and other sellers' migrations under way
/// (shown so nobody starts a second one; opening them shows their card without any action). A migration of theirs still
/// waiting for approval is offered again to Admin agents who were not asked yet.
/// </summary>
internal sealed class StatusCommand(
    MigrationService migrations, MigrationLists lists, MigrationCardQueue queue, TimeProvider time, IOptions<ConversationOptions> options,
    SellerAuthorizer authorizer, BotTexts texts)
    : SellerCommand(authorizer, texts)
{
    protected override async Task RunAsync(ITurnContext turnContext, TextTable texts, SellerIdentity seller, CancellationToken cancellationToken)
    {
        var since = time.GetUtcNow() - options.Value.RecentMigrations;
        var all = await migrations.ListActiveAndRecentAsync(options.Value.RecentMigrations, cancellationToken);
        var mine = all.Where(m => MigrationCards.IsOwner(m, seller))
            .OrderBy(m => m.State.IsTerminal()).ThenByDescending(m => m.UpdatedAt);
        foreach (var waiting in mine.Where(m => m.State == MigrationState.AwaitingApproval))
        {
            // An Admin agent may have installed the bot since: ask whoever was not asked yet (each is asked once).
            queue.Enqueue(new MigrationCardJob(MigrationCardJobKind.Approval, waiting.Id));
        }

        var others = all.Where(m => !MigrationCards.IsOwner(m, seller) && m.State.IsActive() && m.RequestedBy.TenantId == seller.TenantId);
        var card = lists.Render(
            texts, "statusTitle", texts.Format("statusIntro", texts.Date(since)),
            lists.Section(texts, "statusMine", "statusMineEmpty", mine),
            lists.Section(texts, "statusOthers", "statusOthersEmpty", others));
        await turnContext.SendActivityAsync(MessageFactory.Attachment(card), cancellationToken);
    }
}
