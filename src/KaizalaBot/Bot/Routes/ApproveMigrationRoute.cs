using KaizalaBot.Cards;
using KaizalaBot.Localization;
using KaizalaBot.Migration.Jobs;
using KaizalaBot.MigrationHost;

namespace KaizalaBot.Bot.Routes;

internal sealed class ApproveMigrationRoute(MigrationService migrations, MigrationCards cards, ApprovalCards approvals, MigrationCardQueue queue, BotTexts texts)
    : DecideMigrationRoute(migrations, cards, approvals, queue, texts)
{
    public override string Verb => CardVerbs.ApproveMigration;

    protected override bool Approves => true;
}
