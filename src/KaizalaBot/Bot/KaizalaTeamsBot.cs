using KaizalaBot.BotFramework.Builder;
using KaizalaBot.BotFramework.Dialogs;
using KaizalaBot.BotFramework.Dialogs.Prompts;
using KaizalaBot.BotFramework.Schema;
using KaizalaBot.BotFramework.State;
using KaizalaBot.Cards;
using KaizalaBot.Cards.Models;
using KaizalaBot.Dialogs;
using KaizalaBot.Localization;
using KaizalaBot.Proactive;

namespace KaizalaBot.Bot;

/// <summary>
/// Routes each Teams activity (architecture §4): installs save the conversation reference and welcome the seller,
/// typed commands run in either language, and card clicks go to the waiting dialog prompt (or are refused as stale).
/// </summary>
internal sealed partial class KaizalaTeamsBot(
    InstallationStore installations,
    CardRenderer cards,
    BotTexts texts,
    ConversationState conversationState,
    ILogger<KaizalaTeamsBot> logger) : ActivityHandler
{
    private readonly IStatePropertyAccessor<DialogState> _dialogState = conversationState.CreateProperty<DialogState>(nameof(DialogState));
    private readonly RootDialog _rootDialog = new();
    private readonly CardPromptMessages _cardMessages = new()
    {
        StaleCard = turn => texts.ForLocale(turn.Activity.Locale)["staleCard"],
        Accepted = turn => texts.ForLocale(turn.Activity.Locale)["cardAccepted"],
    };

    protected override async Task OnInstallationUpdateAddAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        await RecordInstallAndWelcomeOnceAsync(turnContext, cancellationToken);
    }

    protected override async Task OnInstallationUpdateRemoveAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        await installations.RemoveAsync(turnContext.Activity, cancellationToken);
    }

    protected override async Task OnConversationUpdateActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        // Teams announces one install twice (installationUpdate and a conversationUpdate adding the bot); the
        // installation store decides, under an ETag, which one of them welcomes.
        var activity = turnContext.Activity;
        var botAdded = activity.MembersAdded?.Any(m => m.Id == activity.Recipient?.Id) == true;
        var botRemoved = activity.MembersRemoved?.Any(m => m.Id == activity.Recipient?.Id) == true;
        if (botAdded)
        {
            await RecordInstallAndWelcomeOnceAsync(turnContext, cancellationToken);
        }
        else if (botRemoved)
        {
            await installations.RemoveAsync(activity, cancellationToken);
        }
    }

    protected override async Task OnMessageActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        await installations.RefreshAsync(activity, cancellationToken);

        switch (CommandParser.Parse(activity.Text) ?? CommandParser.FromCardData(activity.Value))
        {
            case BotCommand.Help:
                await SendHelpAsync(turnContext, cancellationToken);
                return;
            case BotCommand.Cancel:
                await CancelAsync(turnContext, cancellationToken);
                return;
        }

        var hasActiveDialog = (await _dialogState.GetAsync(turnContext, null, cancellationToken))?.DialogStack.Count > 0;
        if (activity.Value is not null || hasActiveDialog)
        {
            await RunDialogsAsync(turnContext, cancellationToken);
            return;
        }

        var text = TextsFor(turnContext);
        // The seller's words are quoted back so they see what was not understood, but a long paste is not worth repeating.
        await turnContext.SendActivityAsync(MessageFactory.Text(text.Format("unknownCommand", TextExcerpt.Of(activity.Text, 80))), cancellationToken);
    }

    protected override async Task OnAdaptiveCardInvokeAsync(ITurnContext turnContext, AdaptiveCardInvokeValue invokeValue, CancellationToken cancellationToken)
    {
        await RunDialogsAsync(turnContext, cancellationToken);
    }

    private async Task RecordInstallAndWelcomeOnceAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var saved = await installations.SaveAsync(turnContext.Activity, cancellationToken);
        if (saved is not { ShouldWelcome: true })
        {
            return;
        }

        LogInstalled(saved.Installation.Scope, saved.Installation.TenantId);
        var text = TextsFor(turnContext);
        var card = cards.Render(CardTemplate.Welcome, text, new WelcomeCardModel(CommandParser.NameOf(BotCommand.Help, text.Language)));
        await turnContext.SendActivityAsync(MessageFactory.Attachment(card), cancellationToken);
    }

    private async Task SendHelpAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var text = TextsFor(turnContext);
        var commands = new[]
        {
            new CommandHelp(CommandParser.NameOf(BotCommand.Help, text.Language), text["commandHelp"]),
            new CommandHelp(CommandParser.NameOf(BotCommand.Cancel, text.Language), text["commandCancel"]),
        };
        var card = cards.Render(CardTemplate.Help, text, new HelpCardModel(commands));
        await turnContext.SendActivityAsync(MessageFactory.Attachment(card), cancellationToken);
    }

    private async Task CancelAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var text = TextsFor(turnContext);
        var state = await _dialogState.GetAsync(turnContext, null, cancellationToken);
        if (state is not { DialogStack.Count: > 0 })
        {
            await turnContext.SendActivityAsync(MessageFactory.Text(text["nothingToCancel"]), cancellationToken);
            return;
        }

        var dc = await new DialogSet(_dialogState).Add(_rootDialog).CreateContextAsync(turnContext, cancellationToken);
        await dc.CancelAllDialogsAsync(cancellationToken);
        await turnContext.SendActivityAsync(MessageFactory.Text(text["cancelled"]), cancellationToken);
    }

    private async Task RunDialogsAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        await _rootDialog.RunAsync(turnContext, _dialogState, _cardMessages, cancellationToken);
    }

    private TextTable TextsFor(ITurnContext turnContext) => texts.ForLocale(turnContext.Activity.Locale);

    [LoggerMessage(Level = LogLevel.Information, Message = "KaizalaBot installed in {Scope} scope for tenant {TenantId}")]
    private partial void LogInstalled(InstallationScope scope, string tenantId);
}
