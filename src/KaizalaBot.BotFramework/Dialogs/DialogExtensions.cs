using KaizalaBot.BotFramework.Builder;
using KaizalaBot.BotFramework.Dialogs.Prompts;
using KaizalaBot.BotFramework.Schema;
using KaizalaBot.BotFramework.State;

namespace KaizalaBot.BotFramework.Dialogs;

public static class DialogExtensions
{
    /// <summary>
    /// The SDK's run loop (protocol ref. §8.3): continue the active dialog, or begin <paramref name="dialog"/> when
    /// none is active. The caller (normally <see cref="CloudAdapter"/>) saves the conversation state afterwards.
    /// </summary>
    public static Task<DialogTurnResult> RunAsync(
        this Dialog dialog, ITurnContext turnContext, IStatePropertyAccessor<DialogState> accessor, CancellationToken cancellationToken) =>
        RunAsync(dialog, turnContext, accessor, CardPromptMessages.Default, cancellationToken);

    /// <summary>
    /// The run loop with the card rules of architecture §4:
    /// <list type="bullet">
    /// <item>A card click (Action.Submit message or adaptiveCard/action invoke) is only passed on when its stamp is
    /// the one of the <see cref="AdaptiveCardPrompt"/> waiting at the leaf of the stack. Any other click — finished
    /// or other dialog, older card, no dialog, missing or garbled stamp — gets <see cref="CardPromptMessages.StaleCard"/>
    /// (as a message, or as the invoke answer) and changes nothing.</item>
    /// <item>After an accepted click the first card the turn sends replaces the clicked card: for Action.Execute it
    /// becomes the invoke response (Teams swaps the card in place), for Action.Submit it is sent as an update of the
    /// clicked message (<c>replyToId</c>), so the user sees the same thing either way. Further messages are sent
    /// normally. An Execute click answered by no card gets <see cref="CardPromptMessages.Accepted"/>.</item>
    /// <item>A refresh (<c>trigger: "automatic"</c>) is never an answer: the waiting prompt's card gets its current
    /// view (<see cref="AdaptiveCardPrompt"/>'s hook), any other card is left as it is; nothing changes.</item>
    /// <item>In a group chat or channel a click from anyone but the dialog's owner (<see cref="DialogState.Owner"/>)
    /// gets <see cref="CardPromptMessages.NotOwner"/>, and a typed answer <see cref="CardPromptMessages.NotOwnerTyped"/>;
    /// neither changes anything.</item>
    /// <item>A stack saved by a build whose dialogs differ (see <see cref="Dialog.GetVersion"/>) is ended with
    /// <see cref="CardPromptMessages.DialogChanged"/> before anything of the turn is taken as an answer.</item>
    /// </list>
    /// </summary>
    public static async Task<DialogTurnResult> RunAsync(
        this Dialog dialog,
        ITurnContext turnContext,
        IStatePropertyAccessor<DialogState> accessor,
        CardPromptMessages messages,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(accessor);
        ArgumentNullException.ThrowIfNull(messages);

        var set = new DialogSet(accessor).Add(dialog);
        var click = CardClick.TryRead(turnContext.Activity);

        // Peek without creating state: a refused click must leave the stored document untouched.
        var existing = await accessor.GetAsync(turnContext, null, cancellationToken);
        if (existing is { DialogStack.Count: > 0 } && !new DialogContext(set, turnContext, existing, null).IsCurrent())
        {
            ForgetStack(existing);
            await RefuseAsync(turnContext, click, messages.DialogChanged(turnContext), cancellationToken);
            return new DialogTurnResult(DialogTurnStatus.Cancelled);
        }

        if (click is not null)
        {
            var waiting = existing is { DialogStack.Count: > 0 } ? DialogTurnStatus.Waiting : DialogTurnStatus.Empty;
            var active = existing is null ? null : new DialogContext(set, turnContext, existing, null).FindActiveLeaf();
            var prompt = active is { Dialog: AdaptiveCardPrompt cardPrompt, Instance: var instance } ? (cardPrompt, instance) : default;
            var activeStamp = prompt.instance is null ? null : AdaptiveCardPrompt.ReadStamp(prompt.instance);
            var isCurrentCard = click.Stamp is not null && click.Stamp == activeStamp;
            if (click.IsRefresh)
            {
                var view = isCurrentCard ? await prompt.cardPrompt!.CurrentViewAsync(turnContext, prompt.instance!, cancellationToken) : null;
                turnContext.SetInvokeResponse(view is { } card ? InvokeResponses.Card(card) : InvokeResponses.Unchanged());
                return new DialogTurnResult(waiting);
            }

            if (!isCurrentCard)
            {
                await RefuseAsync(turnContext, click, messages.StaleCard(turnContext), cancellationToken);
                return new DialogTurnResult(waiting);
            }

            if (IsSomeoneElses(existing!, turnContext.Activity))
            {
                await RefuseAsync(turnContext, click, messages.NotOwner(turnContext), cancellationToken);
                return new DialogTurnResult(waiting);
            }

            ReplaceClickedCard(turnContext, click, cancellationToken);
        }
        else if (existing is { DialogStack.Count: > 0 } && IsSomeoneElses(existing, turnContext.Activity))
        {
            // Typing reaches the waiting prompt as surely as clicking its card: another member must not answer either way.
            await RefuseAsync(turnContext, null, messages.NotOwnerTyped(turnContext), cancellationToken);
            return new DialogTurnResult(DialogTurnStatus.Waiting);
        }

        var dc = await set.CreateContextAsync(turnContext, cancellationToken);
        var result = await dc.ContinueDialogAsync(cancellationToken);
        if (result.Status == DialogTurnStatus.Empty)
        {
            result = await dc.BeginDialogAsync(dialog.Id, null, cancellationToken);
        }

        if (click is { Kind: CardSubmissionKind.Execute } && turnContext.InvokeResponse is null)
        {
            turnContext.SetInvokeResponse(InvokeResponses.Message(messages.Accepted(turnContext)));
        }

        return result;
    }

    /// <summary>
    /// Ends every dialog of the conversation (the <c>cancel</c> command): through each dialog's clean-up when the stack is
    /// this build's, by simply forgetting it when an older build saved dialogs that no longer exist as they were.
    /// Returns false when nothing was running.
    /// </summary>
    public static async Task<bool> CancelAllAsync(
        this Dialog dialog, ITurnContext turnContext, IStatePropertyAccessor<DialogState> accessor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(accessor);

        if (await accessor.GetAsync(turnContext, null, cancellationToken) is not { DialogStack.Count: > 0 } existing)
        {
            return false;
        }

        var dc = new DialogContext(new DialogSet(accessor).Add(dialog), turnContext, existing, null);
        if (dc.IsCurrent())
        {
            await dc.CancelAllDialogsAsync(cancellationToken);
        }
        else
        {
            ForgetStack(existing);
        }

        return true;
    }

    private static void ForgetStack(DialogState state)
    {
        state.DialogStack.Clear();
        state.Owner = null;
    }

    // Only in a group chat or channel: a personal chat has one user, whatever ids their clients send.
    private static bool IsSomeoneElses(DialogState state, Activity activity) =>
        IsGroupConversation(activity) && state.Owner is { } owner && owner != DialogContext.OwnerOf(activity);

    private static bool IsGroupConversation(Activity activity) =>
        activity.Conversation is { } conversation
        && (conversation.IsGroup == true || conversation.ConversationType is "channel" or "groupChat");

    private static Task RefuseAsync(ITurnContext turnContext, CardClick? click, string text, CancellationToken cancellationToken)
    {
        if (click?.Kind == CardSubmissionKind.Execute)
        {
            turnContext.SetInvokeResponse(InvokeResponses.Message(text));
            return Task.CompletedTask;
        }

        return turnContext.SendActivityAsync(MessageFactory.Text(text), cancellationToken);
    }

    private static void ReplaceClickedCard(ITurnContext turnContext, CardClick click, CancellationToken cancellationToken)
    {
        var clickedId = turnContext.Activity.ReplyToId;
        var replaced = false;
        turnContext.OnSendActivities(async (turn, activities, next) =>
        {
            var index = replaced ? -1 : activities.FindIndex(IsCardMessage);

            // Without the clicked message's id (some Web Chat versions omit replyToId) a Submit answer can only be posted.
            if (index < 0 || (click.Kind == CardSubmissionKind.Submit && string.IsNullOrEmpty(clickedId)))
            {
                return await next();
            }

            replaced = true;
            var card = activities[index];
            activities.RemoveAt(index);
            ResourceResponse replacement;
            if (click.Kind == CardSubmissionKind.Execute)
            {
                var content = card.Attachments!.First(IsAdaptiveCard).Content!.Value;
                turn.SetInvokeResponse(InvokeResponses.Card(content));
                replacement = new ResourceResponse(clickedId);
            }
            else
            {
                replacement = await turn.UpdateActivityAsync(card with { Id = clickedId, ReplyToId = null }, cancellationToken);
            }

            var responses = activities.Count > 0 ? [.. await next()] : new List<ResourceResponse>();
            responses.Insert(index, replacement);
            return responses;
        });
    }

    private static bool IsCardMessage(Activity activity) =>
        activity.Type == ActivityTypes.Message && activity.Attachments?.Any(IsAdaptiveCard) == true;

    private static bool IsAdaptiveCard(Attachment attachment) =>
        attachment is { ContentType: ContentTypes.AdaptiveCard, Content: not null };
}
