using KaizalaBot.Cards;
using KaizalaBot.Localization;
using KaizalaBot.Migration.Jobs;
using KaizalaBot.MigrationHost;

namespace KaizalaBot.Bot.Routes;

/// <summary><em>Yes, cancel</em>: stops a migration (a running one after its current Partner Center step).</summary>
internal sealed class CancelMigrationRoute(MigrationService migrations, MigrationCards cards, BotTexts texts) : MigrationRoute(migrations, cards, texts)
{
    public override string Verb => CardVerbs.CancelMigration;

    protected override Task<CommandResult> RunAsync(MigrationActionData data, SellerIdentity seller, CancellationToken cancellationToken) =>
        Migrations.CancelAsync(data.MigrationId, seller, cancellationToken);
}
