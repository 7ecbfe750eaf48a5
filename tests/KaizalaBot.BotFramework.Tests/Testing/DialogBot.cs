using KaizalaBot.BotFramework.Builder;
using KaizalaBot.BotFramework.Dialogs;
using KaizalaBot.BotFramework.Dialogs.Prompts;
using KaizalaBot.BotFramework.State;

namespace KaizalaBot.BotFramework.Tests.Testing;

/// <summary>A bot that runs one root dialog on conversation state, as the host's bot does for dialog turns.</summary>
internal sealed class DialogBot(Dialog dialog, ConversationState conversationState, CardPromptMessages messages) : IBot
{
    public DialogBot(Dialog dialog, ConversationState conversationState)
        : this(dialog, conversationState, CardPromptMessages.Default)
    {
    }

    public IStatePropertyAccessor<DialogState> DialogState { get; } = conversationState.CreateProperty<DialogState>("DialogState");

    public DialogTurnResult? LastResult { get; private set; }

    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        LastResult = await dialog.RunAsync(turnContext, DialogState, messages, cancellationToken);
}
