using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using KaizalaBot.BotFramework.Builder;
using KaizalaBot.BotFramework.Schema;

namespace KaizalaBot.BotFramework.Dialogs;

/// <summary>
/// The SDK's <c>ComponentDialog</c> (protocol ref. §8.6): a dialog made of dialogs, with its own inner stack
/// persisted inside its instance state under <c>"dialogs"</c>.
/// </summary>
public abstract class ComponentDialog : Dialog
{
    private const string PersistedDialogState = "dialogs";

    // Digested once: it was computed (sorted, joined, hashed) at every begin and every stack check of every turn.
    private string? _version;

    protected ComponentDialog(string dialogId)
        : base(dialogId)
    {
    }

    /// <summary>The dialog begun first; defaults to the first one added.</summary>
    public string? InitialDialogId { get; protected set; }

    internal DialogSet Dialogs { get; } = new();

    /// <summary>
    /// The id and the versions of the dialogs inside: changing any of them changes the component. Computed on first use
    /// (the dialogs inside are complete by then: a component adds them in its constructor) and again after an
    /// <see cref="AddDialog"/>.
    /// </summary>
    public override string GetVersion() => _version ??= Digest([Id, .. Dialogs.All.Select(d => d.GetVersion())]);

    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);

        var inner = CreateInnerContext(dc, dc.ActiveDialog!);
        var turnResult = await OnBeginDialogAsync(inner, options, cancellationToken);
        return await CompleteInnerTurnAsync(dc, turnResult, cancellationToken);
    }

    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);

        var inner = CreateInnerContext(dc, dc.ActiveDialog!);
        var turnResult = await OnContinueDialogAsync(inner, cancellationToken);
        return await CompleteInnerTurnAsync(dc, turnResult, cancellationToken);
    }

    /// <summary>Something pushed above this component on the outer stack ended: re-prompt the inner dialog and wait.</summary>
    public override async Task<DialogTurnResult> ResumeDialogAsync(
        DialogContext dc, DialogReason reason, object? result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);

        await RepromptDialogAsync(dc.Context, dc.ActiveDialog!, cancellationToken);
        return EndOfTurn;
    }

    public override async Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instance);

        // A re-prompt has no outer context; the inner one gets a stand-in whose active dialog is this instance, so that
        // it is not taken for a root stack (which would take the sender as its owner) and finds its owner as in a turn.
        var outer = new DialogContext(new DialogSet(), turnContext, new DialogState { DialogStack = [instance] }, null);
        await OnRepromptDialogAsync(new DialogContext(Dialogs, turnContext, InnerState(instance), outer), cancellationToken);
    }

    public override async Task EndDialogAsync(
        ITurnContext turnContext, DialogInstance instance, DialogReason reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instance);

        if (reason == DialogReason.CancelCalled)
        {
            await new DialogContext(Dialogs, turnContext, InnerState(instance), null).CancelAllDialogsAsync(cancellationToken);
        }
    }

    protected ComponentDialog AddDialog(Dialog dialog)
    {
        ArgumentNullException.ThrowIfNull(dialog);

        Dialogs.Add(dialog);
        InitialDialogId ??= dialog.Id;
        _version = null;
        return this;
    }

    protected virtual Task<DialogTurnResult> OnBeginDialogAsync(DialogContext innerDc, object? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(innerDc);

        var initial = InitialDialogId ?? throw new InvalidOperationException($"Component '{Id}' has no dialogs.");
        return innerDc.BeginDialogAsync(initial, options, cancellationToken);
    }

    protected virtual Task<DialogTurnResult> OnContinueDialogAsync(DialogContext innerDc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(innerDc);

        return innerDc.ContinueDialogAsync(cancellationToken);
    }

    /// <summary>
    /// Asked to show its question again: re-prompts the inner active dialog by default. A component can instead run its
    /// inner stack again (e.g. begin its flow anew from the state it kept); what it changes is saved with its instance.
    /// </summary>
    protected virtual Task OnRepromptDialogAsync(DialogContext innerDc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(innerDc);

        return innerDc.RepromptDialogAsync(cancellationToken);
    }

    /// <summary>The inner stack finished: end this component on the outer stack with the inner result.</summary>
    protected virtual Task<DialogTurnResult> EndComponentAsync(DialogContext outerDc, object? result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outerDc);

        return outerDc.EndDialogAsync(result, cancellationToken);
    }

    /// <summary>The inner stack to run (begin, continue, re-prompt, end): changes to it are saved with this instance.</summary>
    internal DialogContext CreateInnerContext(DialogContext outerDc, DialogInstance instance) =>
        new(Dialogs, outerDc.Context, InnerState(instance), outerDc);

    /// <summary>The inner stack only to look at (<see cref="DialogContext.IsCurrent"/>, <see cref="DialogContext.FindActiveLeaf"/>).</summary>
    internal DialogContext InspectInnerContext(DialogContext outerDc, DialogInstance instance) =>
        new(Dialogs, outerDc.Context, InnerState(instance), outerDc);

    private async Task<DialogTurnResult> CompleteInnerTurnAsync(DialogContext outerDc, DialogTurnResult turnResult, CancellationToken cancellationToken) =>
        turnResult.Status == DialogTurnStatus.Waiting
            ? EndOfTurn
            : await EndComponentAsync(outerDc, turnResult.Result, cancellationToken);

    /// <summary>
    /// The inner stack, parsed from the instance state the first time a turn looks at it, then kept there as the object
    /// itself: a turn looks at it up to three times and runs it once, and the state is written once, when it is saved,
    /// straight from the object (the same JSON as before). Re-parsing and re-writing it at each look and after each run
    /// was a visible share of a dialog turn's CPU.
    /// </summary>
    private static DialogState InnerState(DialogInstance instance)
    {
        var node = instance.State[PersistedDialogState];
        if (node is JsonValue value && value.TryGetValue<DialogState>(out var kept))
        {
            return kept;
        }

        var state = node switch
        {
            null => new DialogState(),
            JsonObject stored => DialogStateReader.Read(stored),
            _ => node.Deserialize<DialogState>(BotJson.Options) ?? new DialogState(),
        };
        instance.State[PersistedDialogState] = JsonValue.Create(state, DialogStateJson);
        return state;
    }

    private static JsonTypeInfo<DialogState> DialogStateJson => (JsonTypeInfo<DialogState>)BotJson.Options.GetTypeInfo(typeof(DialogState));
}
