using KaizalaBot.BotFramework.Builder;
using KaizalaBot.Dialogs.Migration;

namespace KaizalaBot.Bot.Commands;

/// <summary><c>migrate</c> / <c>migrer</c> [company name or domain]: the migration dialog, in the seller's personal chat.</summary>
internal sealed class MigrateCommand(MigrationDialogLauncher launcher) : ICommandHandler
{
    public Task RunAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        launcher.StartAsync(
            turnContext, new MigrationDialogOptions { SearchText = CommandParser.ArgumentOf(turnContext.Activity.Text) }, cancellationToken);
}
