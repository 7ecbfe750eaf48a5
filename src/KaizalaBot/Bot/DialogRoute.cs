using KaizalaBot.BotFramework.Builder;
using KaizalaBot.BotFramework.Dialogs;
using KaizalaBot.BotFramework.Dialogs.Prompts;
using KaizalaBot.BotFramework.State;
using KaizalaBot.Dialogs;

namespace KaizalaBot.Bot;

/// <summary>
/// The conversation's dialogs: the <see cref="RootDialog"/> stack in conversation state, run with the card rules of
/// <see cref="DialogExtensions.RunAsync(Dialog, ITurnContext, IStatePropertyAccessor{DialogState}, CardPromptMessages, CancellationToken)"/>
/// (stale and foreign clicks refused, refreshes answered with the current view, older stacks ended).
/// </summary>
internal sealed partial class DialogRoute(ConversationState conversationState, CardPromptMessages messages, RootDialog rootDialog, ILogger<DialogRoute> logger)
{
    private readonly IStatePropertyAccessor<DialogState> _dialogState = conversationState.CreateProperty<DialogState>(nameof(DialogState));

    public async Task<bool> HasActiveDialogAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        (await _dialogState.GetAsync(turnContext, null, cancellationToken))?.DialogStack.Count > 0;

    public Task RunAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        rootDialog.RunAsync(turnContext, _dialogState, messages, cancellationToken);

    /// <summary>Ends every dialog; false when none was running.</summary>
    public Task<bool> CancelAllAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        rootDialog.CancelAllAsync(turnContext, _dialogState, cancellationToken);

    /// <summary>
    /// Starts a dialog in this turn's conversation (the root begun with <paramref name="options"/>), ending whatever
    /// dialog ran there; true when one did.
    /// </summary>
    public async Task<bool> BeginAsync(ITurnContext turnContext, object options, CancellationToken cancellationToken)
    {
        var replaced = await CancelAllAsync(turnContext, cancellationToken);
        var dc = await new DialogSet(_dialogState).Add(rootDialog).CreateContextAsync(turnContext, cancellationToken);
        await dc.BeginDialogAsync(rootDialog.Id, options, cancellationToken);
        return replaced;
    }

    /// <summary>
    /// Sends the waiting prompt again (a proactive turn: redrawing a live card in place); nothing when no dialog waits.
    /// A stack saved by a build whose dialogs are gone is left for the seller's next turn to end.
    /// </summary>
    public async Task RepromptAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        if (await _dialogState.GetAsync(turnContext, null, cancellationToken) is not { DialogStack.Count: > 0 } state)
        {
            return;
        }

        try
        {
            await new DialogContext(new DialogSet(_dialogState).Add(rootDialog), turnContext, state, null).RepromptDialogAsync(cancellationToken);
        }
        catch (InvalidOperationException ex)
        {
            LogNotRedrawn(ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The waiting card was not redrawn: {Reason}")]
    private partial void LogNotRedrawn(string reason);
}
