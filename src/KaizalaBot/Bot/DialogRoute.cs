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
internal sealed class DialogRoute(ConversationState conversationState, CardPromptMessages messages)
{
    private readonly IStatePropertyAccessor<DialogState> _dialogState = conversationState.CreateProperty<DialogState>(nameof(DialogState));
    private readonly RootDialog _rootDialog = new();

    public async Task<bool> HasActiveDialogAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        (await _dialogState.GetAsync(turnContext, null, cancellationToken))?.DialogStack.Count > 0;

    public Task RunAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        _rootDialog.RunAsync(turnContext, _dialogState, messages, cancellationToken);

    /// <summary>Ends every dialog; false when none was running.</summary>
    public Task<bool> CancelAllAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        _rootDialog.CancelAllAsync(turnContext, _dialogState, cancellationToken);
}
