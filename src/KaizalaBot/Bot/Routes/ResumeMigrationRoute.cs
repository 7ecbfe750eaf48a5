using KaizalaBot.Cards;
using KaizalaBot.Localization;
using KaizalaBot.Migration.Jobs;
using KaizalaBot.MigrationHost;

namespace KaizalaBot.Bot.Routes;

/// <summary><em>Resume</em>: a migration that stopped for a reason now fixed goes on from where it stopped.</summary>
internal sealed class ResumeMigrationRoute(MigrationService migrations, MigrationCards cards, BotTexts texts) : MigrationRoute(migrations, cards, texts)
{
    public override string Verb => CardVerbs.ResumeMigration;

    protected override Task<CommandResult> RunAsync(MigrationActionData data, SellerIdentity seller, CancellationToken cancellationToken) =>
        Migrations.ResumeAsync(data.MigrationId, seller, cancellationToken);
}
