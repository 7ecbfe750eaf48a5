using KaizalaBot.Cards;
using KaizalaBot.Localization;
using KaizalaBot.Migration.Jobs;
using KaizalaBot.MigrationHost;

namespace KaizalaBot.Bot.Routes;

/// <summary><em>Accept the remainder</em>: suspend Kaizala Pro although some users could not be moved (they lose it).</summary>
internal sealed class AcceptRemainderRoute(MigrationService migrations, MigrationCards cards, BotTexts texts) : MigrationRoute(migrations, cards, texts)
{
    public override string Verb => CardVerbs.AcceptRemainder;

    protected override Task<CommandResult> RunAsync(MigrationActionData data, SellerIdentity seller, CancellationToken cancellationToken) =>
        Migrations.AcceptRemainderAsync(data.MigrationId, seller, cancellationToken);
}
