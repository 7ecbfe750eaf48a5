using KaizalaBot.BotFramework.Builder;
using KaizalaBot.BotFramework.Dialogs.Prompts;

namespace KaizalaBot.BotFramework.Dialogs;

/// <summary>The SDK's <c>DialogContext</c>: a dialog set, the turn, and the stack being run (top = index 0).</summary>
public sealed class DialogContext
{
    public DialogContext(DialogSet dialogs, ITurnContext turnContext, DialogState state, DialogContext? parent)
    {
        ArgumentNullException.ThrowIfNull(dialogs);
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(state);

        Dialogs = dialogs;
        Context = turnContext;
        State = state;
        Parent = parent;
    }

    public DialogSet Dialogs { get; }

    public ITurnContext Context { get; }

    public DialogState State { get; }

    /// <summary>The context of the <see cref="ComponentDialog"/> this stack runs inside, if any.</summary>
    public DialogContext? Parent { get; }

    public IReadOnlyList<DialogInstance> Stack => State.DialogStack;

    public DialogInstance? ActiveDialog => State.DialogStack.Count > 0 ? State.DialogStack[0] : null;

    /// <summary>Finds a dialog in this set or, failing that, in the sets of enclosing components.</summary>
    public Dialog? FindDialog(string dialogId) => Dialogs.Find(dialogId) ?? Parent?.FindDialog(dialogId);

    /// <summary>Pushes a new instance of <paramref name="dialogId"/> and starts it.</summary>
    public Task<DialogTurnResult> BeginDialogAsync(string dialogId, object? options, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(dialogId);

        var dialog = FindDialog(dialogId)
            ?? throw new InvalidOperationException($"Dialog '{dialogId}' was not found in the dialog set or its parents.");
        if (Parent is null && State.DialogStack.Count == 0)
        {
            State.Owner = OwnerOf(Context.Activity);
        }

        State.DialogStack.Insert(0, new DialogInstance { Id = dialogId, InstanceId = Guid.NewGuid().ToString("N"), Version = dialog.GetVersion() });
        return dialog.BeginDialogAsync(this, options, cancellationToken);
    }

    public Task<DialogTurnResult> PromptAsync(string dialogId, PromptOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);

        return BeginDialogAsync(dialogId, options, cancellationToken);
    }

    /// <summary>Hands the turn to the active dialog; <see cref="DialogTurnStatus.Empty"/> when none is active.</summary>
    public Task<DialogTurnResult> ContinueDialogAsync(CancellationToken cancellationToken)
    {
        if (ActiveDialog is not { } instance)
        {
            return Task.FromResult(new DialogTurnResult(DialogTurnStatus.Empty));
        }

        return GetDialog(instance).ContinueDialogAsync(this, cancellationToken);
    }

    /// <summary>Pops the active dialog and resumes the one below with <paramref name="result"/>, or completes the stack.</summary>
    public async Task<DialogTurnResult> EndDialogAsync(object? result, CancellationToken cancellationToken)
    {
        await EndActiveDialogAsync(DialogReason.EndCalled, cancellationToken);
        if (ActiveDialog is { } instance)
        {
            return await GetDialog(instance).ResumeDialogAsync(this, DialogReason.EndCalled, result, cancellationToken);
        }

        return new DialogTurnResult(DialogTurnStatus.Complete, result);
    }

    /// <summary>Ends the active dialog and starts <paramref name="dialogId"/> in its place; the parent is not resumed.</summary>
    public async Task<DialogTurnResult> ReplaceDialogAsync(string dialogId, object? options, CancellationToken cancellationToken)
    {
        await EndActiveDialogAsync(DialogReason.ReplaceCalled, cancellationToken);
        return await BeginDialogAsync(dialogId, options, cancellationToken);
    }

    /// <summary>Ends every dialog of this stack (inner stacks of components included, through their clean-up).</summary>
    public async Task<DialogTurnResult> CancelAllDialogsAsync(CancellationToken cancellationToken)
    {
        if (ActiveDialog is null)
        {
            return new DialogTurnResult(DialogTurnStatus.Empty);
        }

        while (ActiveDialog is not null)
        {
            await EndActiveDialogAsync(DialogReason.CancelCalled, cancellationToken);
        }

        return new DialogTurnResult(DialogTurnStatus.Cancelled);
    }

    public Task RepromptDialogAsync(CancellationToken cancellationToken) =>
        ActiveDialog is { } instance
            ? GetDialog(instance).RepromptDialogAsync(Context, instance, cancellationToken)
            : Task.CompletedTask;

    /// <summary>How <see cref="DialogState.Owner"/> names the sender of <paramref name="activity"/>.</summary>
    internal static string? OwnerOf(Schema.Activity activity) => activity.From?.AadObjectId ?? activity.From?.Id;

    /// <summary>
    /// True when every instance on this stack (and inside components) belongs to a dialog of this build with the version
    /// it began under: only then may the stack be continued.
    /// </summary>
    internal bool IsCurrent()
    {
        foreach (var instance in State.DialogStack)
        {
            var dialog = FindDialog(instance.Id);
            if (dialog is null || instance.Version != dialog.GetVersion())
            {
                return false;
            }

            if (dialog is ComponentDialog component && !component.InspectInnerContext(this, instance).IsCurrent())
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The innermost active instance, following component dialogs into their own stacks.</summary>
    internal (Dialog Dialog, DialogInstance Instance)? FindActiveLeaf()
    {
        if (ActiveDialog is not { } instance)
        {
            return null;
        }

        var dialog = GetDialog(instance);
        if (dialog is ComponentDialog component)
        {
            var inner = component.InspectInnerContext(this, instance);
            return inner.FindActiveLeaf() ?? (dialog, instance);
        }

        return (dialog, instance);
    }

    private async Task EndActiveDialogAsync(DialogReason reason, CancellationToken cancellationToken)
    {
        if (ActiveDialog is not { } instance)
        {
            return;
        }

        await GetDialog(instance).EndDialogAsync(Context, instance, reason, cancellationToken);
        State.DialogStack.RemoveAt(0);
        if (State.DialogStack.Count == 0)
        {
            State.Owner = null;
        }
    }

    private Dialog GetDialog(DialogInstance instance) =>
        FindDialog(instance.Id)
            ?? throw new InvalidOperationException($"The stack holds dialog '{instance.Id}', which is not in the dialog set.");
}
