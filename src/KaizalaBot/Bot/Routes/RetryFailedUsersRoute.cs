using KaizalaBot.Cards;
using KaizalaBot.Localization;
using KaizalaBot.Migration.Jobs;
using KaizalaBot.MigrationHost;

namespace KaizalaBot.Bot.Routes;

/// <summary><em>Retry failed users</em>: step B again for the users that failed, once the seller fixed what their reasons say.</summary>
internal sealed class RetryFailedUsersRoute(MigrationService migrations, MigrationCards cards, BotTexts texts) : MigrationRoute(migrations, cards, texts)
{
    public override string Verb => CardVerbs.RetryFailedUsers;

    protected override Task<CommandResult> RunAsync(MigrationActionData data, SellerIdentity seller, CancellationToken cancellationToken) =>
        Migrations.RetryFailedUsersAsync(data.MigrationId, seller, cancellationToken);
}
