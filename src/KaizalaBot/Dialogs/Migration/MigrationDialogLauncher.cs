using KaizalaBot.Bot;
using KaizalaBot.BotFramework.Builder;
using KaizalaBot.BotFramework.Connector;
using KaizalaBot.Localization;
using KaizalaBot.Proactive;

namespace KaizalaBot.Dialogs.Migration;

/// <summary>
/// The public entry point of the migration dialog, for commands and for other features' buttons (a reminder's
/// <em>Start migration</em> passes the customer and subscription). Migrations are prepared in the seller's personal
/// chat (architecture §4): from a personal chat the dialog begins in this turn; from a channel or group chat it begins
/// in the sender's personal chat, through a proactive turn, and this conversation is told so.
/// </summary>
internal sealed partial class MigrationDialogLauncher(
    DialogRoute dialogs, InstallationStore installations, CloudAdapter adapter, BotTexts texts, ILogger<MigrationDialogLauncher> logger)
{
    public async Task<MigrationLaunch> StartAsync(ITurnContext turnContext, MigrationDialogOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(options);
        var activity = turnContext.Activity;
        var text = texts.ForLocale(activity.Locale);
        if (activity.Conversation?.ConversationType is not ("channel" or "groupChat") && activity.Conversation?.IsGroup != true)
        {
            if (await dialogs.BeginAsync(turnContext, options, cancellationToken))
            {
                await turnContext.SendActivityAsync(MessageFactory.Text(text["migrationReplacedDialog"]), cancellationToken);
            }

            return MigrationLaunch.Here;
        }

        var tenantId = SellerIdentities.From(activity)?.TenantId;
        var installation = tenantId is null || activity.From?.AadObjectId is not { } aadObjectId
            ? null
            : await installations.FindPersonalAsync(tenantId, aadObjectId, cancellationToken);
        if (installation is null)
        {
            await turnContext.SendActivityAsync(MessageFactory.Text(text["migrationInstallPersonally"]), cancellationToken);
            return MigrationLaunch.NotInstalledPersonally;
        }

        var opened = await adapter.ContinueConversationAsync(
            installation.Reference, (personal, ct) => dialogs.BeginAsync(personal, options, ct), cancellationToken);
        if (opened.Status != ProactiveTurnStatus.Completed)
        {
            LogNotOpened(opened.Status, opened.Failure is ConnectorException { StatusCode: { } status } ? (int)status : null);
            await turnContext.SendActivityAsync(MessageFactory.Text(text[opened.IsConversationGone ? "migrationInstallPersonally" : "migrationNotOpened"]), cancellationToken);
            return opened.IsConversationGone ? MigrationLaunch.NotInstalledPersonally : MigrationLaunch.Failed;
        }

        await turnContext.SendActivityAsync(MessageFactory.Text(text["migrationOpenedPersonally"]), cancellationToken);
        return MigrationLaunch.InPersonalChat;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The migration dialog could not be opened in the seller's personal chat: {Status} ({StatusCode})")]
    private partial void LogNotOpened(ProactiveTurnStatus status, int? statusCode);
}
