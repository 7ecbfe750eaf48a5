using KaizalaBot.Cards;
using KaizalaBot.Localization;
using KaizalaBot.Migration.Jobs;
using KaizalaBot.MigrationHost;

namespace KaizalaBot.Bot.Routes;

internal sealed class RejectMigrationRoute(MigrationService migrations, MigrationCards cards, ApprovalCards approvals, MigrationCardQueue queue, BotTexts texts)
    : DecideMigrationRoute(migrations, cards, approvals, queue, texts)
{
    public override string Verb => CardVerbs.RejectMigration;

    protected override bool Approves => false;
}
