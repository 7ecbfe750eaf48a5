using KaizalaBot.BotFramework.Builder;
using KaizalaBot.BotFramework.Dialogs.Prompts;

namespace KaizalaBot.BotFramework.Dialogs;

/// <summary>What a waterfall step sees: the turn, why it runs, the previous step's result and the typed state.</summary>
public sealed class WaterfallStepContext<TState>
    where TState : class
{
    private readonly WaterfallDialog<TState> _dialog;
    private readonly DialogInstance _instance;
    private TState? _state;
    private bool _nextCalled;

    internal WaterfallStepContext(
        WaterfallDialog<TState> dialog, DialogContext dc, DialogInstance instance, int index, DialogReason reason, object? result)
    {
        _dialog = dialog;
        DialogContext = dc;
        _instance = instance;
        Index = index;
        Reason = reason;
        Result = result;
    }

    public DialogContext DialogContext { get; }

    public ITurnContext Context => DialogContext.Context;

    public int Index { get; }

    public DialogReason Reason { get; }

    /// <summary>The previous step's outcome: a prompt's recognised value, a child dialog's result, or a message text.</summary>
    public object? Result { get; }

    /// <summary>
    /// <see cref="Result"/> as a <typeparamref name="T"/> (e.g. a prompt's <c>CardSubmission</c>), instead of a cast at
    /// every step; a different type is a bug in the dialog and says which step and types.
    /// </summary>
    public T GetResult<T>() => Result switch
    {
        T typed => typed,
        null when default(T) is null => default!,
        _ => throw new InvalidOperationException(
            $"Step {Index} of '{DialogContext.ActiveDialog?.Id}' expected a {typeof(T).Name} result but got {Result?.GetType().Name ?? "null"}."),
    };

    /// <summary>The instance's typed state; assigning it persists the new value with the dialog stack.</summary>
    public TState State
    {
        get => _state ??= WaterfallDialog<TState>.ReadState(_instance);
        set
        {
            ArgumentNullException.ThrowIfNull(value);

            _state = value;
            WaterfallDialog<TState>.WriteState(_instance, value);
        }
    }

    /// <summary>Runs the next step at once with <paramref name="result"/>; callable once per step.</summary>
    public Task<DialogTurnResult> NextAsync(object? result, CancellationToken cancellationToken)
    {
        if (_nextCalled)
        {
            throw new InvalidOperationException($"NextAsync was already called in step {Index} of '{_dialog.Id}'.");
        }

        _nextCalled = true;
        return _dialog.ResumeDialogAsync(DialogContext, DialogReason.NextCalled, result, cancellationToken);
    }

    public Task<DialogTurnResult> BeginDialogAsync(string dialogId, object? options, CancellationToken cancellationToken) =>
        DialogContext.BeginDialogAsync(dialogId, options, cancellationToken);

    public Task<DialogTurnResult> PromptAsync(string dialogId, PromptOptions options, CancellationToken cancellationToken) =>
        DialogContext.PromptAsync(dialogId, options, cancellationToken);

    public Task<DialogTurnResult> EndDialogAsync(object? result, CancellationToken cancellationToken) =>
        DialogContext.EndDialogAsync(result, cancellationToken);

    public Task<DialogTurnResult> ReplaceDialogAsync(string dialogId, object? options, CancellationToken cancellationToken) =>
        DialogContext.ReplaceDialogAsync(dialogId, options, cancellationToken);

    public Task<DialogTurnResult> CancelAllDialogsAsync(CancellationToken cancellationToken) =>
        DialogContext.CancelAllDialogsAsync(cancellationToken);
}
