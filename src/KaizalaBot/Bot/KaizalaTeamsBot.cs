using KaizalaBot.Bot.Commands;
using KaizalaBot.BotFramework.Builder;
using KaizalaBot.BotFramework.Schema;
using KaizalaBot.Localization;

namespace KaizalaBot.Bot;

/// <summary>
/// Routes each Teams activity (architecture §4) to the small handler that owns it: installs to
/// <see cref="InstallationRoute"/>; a message to a typed command (<see cref="CommandRouter"/>), else a bot-level card
/// action (<see cref="CardActionRouter"/>), else the running dialog (<see cref="DialogRoute"/>); an
/// <c>adaptiveCard/action</c> invoke to a card action, else the dialog. Nothing here grows with the next command or verb.
/// </summary>
internal sealed class KaizalaTeamsBot(
    InstallationRoute installations,
    CommandRouter commands,
    CardActionRouter cardActions,
    DialogRoute dialogs,
    BotTexts texts) : ActivityHandler
{
    // The seller's words are quoted back so they see what was not understood, but a long paste is not worth repeating.
    private const int MaxQuotedLength = 80;

    protected override Task OnInstallationUpdateAddAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        installations.AddedAsync(turnContext, cancellationToken);

    protected override Task OnInstallationUpdateRemoveAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        installations.RemovedAsync(turnContext, cancellationToken);

    protected override Task OnConversationUpdateActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        if (activity.MembersAdded?.Any(m => m.Id == activity.Recipient?.Id) == true)
        {
            return installations.AddedAsync(turnContext, cancellationToken);
        }

        return activity.MembersRemoved?.Any(m => m.Id == activity.Recipient?.Id) == true
            ? installations.RemovedAsync(turnContext, cancellationToken)
            : Task.CompletedTask;
    }

    protected override async Task OnMessageActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        await installations.SeenAsync(turnContext, cancellationToken);
        if (await commands.TryRunAsync(turnContext, cancellationToken) || await cardActions.TryRouteAsync(turnContext, cancellationToken))
        {
            return;
        }

        var activity = turnContext.Activity;
        if (activity.Value is not null || await dialogs.HasActiveDialogAsync(turnContext, cancellationToken))
        {
            await dialogs.RunAsync(turnContext, cancellationToken);
            return;
        }

        var text = texts.ForLocale(activity.Locale);
        await turnContext.SendActivityAsync(MessageFactory.Text(text.Format("unknownCommand", TextExcerpt.Of(activity.Text, MaxQuotedLength))), cancellationToken);
    }

    protected override async Task OnAdaptiveCardInvokeAsync(ITurnContext turnContext, AdaptiveCardInvokeValue invokeValue, CancellationToken cancellationToken)
    {
        if (!await cardActions.TryRouteAsync(turnContext, cancellationToken))
        {
            await dialogs.RunAsync(turnContext, cancellationToken);
        }
    }

}
