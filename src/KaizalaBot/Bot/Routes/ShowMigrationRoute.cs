using KaizalaBot.BotFramework.Builder;
using KaizalaBot.Cards;
using KaizalaBot.Localization;
using KaizalaBot.Migration.Authorization;
using KaizalaBot.Migration.Jobs;
using KaizalaBot.MigrationHost;

namespace KaizalaBot.Bot.Routes;

/// <summary><em>Open</em> (in lists) and <em>Refresh</em> (on a card): the migration's card as it stands, for anyone entitled to migrate.</summary>
internal sealed class ShowMigrationRoute(MigrationService migrations, MigrationCards cards, SellerAuthorizer authorizer, BotTexts texts)
    : MigrationRoute(migrations, cards, texts)
{
    public override string Verb => CardVerbs.ShowMigration;

    protected override async Task<CommandResult> RunAsync(MigrationActionData data, SellerIdentity seller, CancellationToken cancellationToken)
    {
        var entitlement = await authorizer.AuthorizeAsync(seller, SellerAction.Migrate, data.MigrationId, cancellationToken);
        if (!entitlement.IsAllowed)
        {
            return new CommandResult(CommandStatus.Refused, null, entitlement.Refusal);
        }

        return await Migrations.GetAsync(data.MigrationId, cancellationToken) is { } migration
            ? new CommandResult(CommandStatus.Done, migration)
            : new CommandResult(CommandStatus.NotFound, null);
    }

    protected override Task<CardActionResult> OnRefreshAsync(CardActionContext<MigrationActionData> action, CancellationToken cancellationToken) =>
        OnActionAsync(action, cancellationToken);
}
