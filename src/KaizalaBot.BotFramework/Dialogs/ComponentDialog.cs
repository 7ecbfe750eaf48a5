using System.Text.Json;
using System.Text.Json.Nodes;
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

    protected ComponentDialog(string dialogId)
        : base(dialogId)
    {
    }

    /// <summary>The dialog begun first; defaults to the first one added.</summary>
    public string? InitialDialogId { get; protected set; }

    internal DialogSet Dialogs { get; } = new();

    /// <summary>The id and the versions of the dialogs inside: changing any of them changes the component.</summary>
    public override string GetVersion() => Digest([Id, .. Dialogs.All.Select(d => d.GetVersion())]);

    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);

        var instance = dc.ActiveDialog!;
        var inner = CreateInnerContext(dc, instance);
        var turnResult = await OnBeginDialogAsync(inner, options, cancellationToken);
        return await CompleteInnerTurnAsync(dc, instance, inner, turnResult, cancellationToken);
    }

    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);

        var instance = dc.ActiveDialog!;
        var inner = CreateInnerContext(dc, instance);
        var turnResult = await OnContinueDialogAsync(inner, cancellationToken);
        return await CompleteInnerTurnAsync(dc, instance, inner, turnResult, cancellationToken);
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

        var inner = new DialogContext(Dialogs, turnContext, TakeInnerState(instance), null);
        await inner.RepromptDialogAsync(cancellationToken);
        SaveInnerState(instance, inner.State);
    }

    public override async Task EndDialogAsync(
        ITurnContext turnContext, DialogInstance instance, DialogReason reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instance);

        if (reason == DialogReason.CancelCalled)
        {
            var inner = new DialogContext(Dialogs, turnContext, TakeInnerState(instance), null);
            await inner.CancelAllDialogsAsync(cancellationToken);
            SaveInnerState(instance, inner.State);
        }
    }

    protected ComponentDialog AddDialog(Dialog dialog)
    {
        ArgumentNullException.ThrowIfNull(dialog);

        Dialogs.Add(dialog);
        InitialDialogId ??= dialog.Id;
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

    /// <summary>The inner stack finished: end this component on the outer stack with the inner result.</summary>
    protected virtual Task<DialogTurnResult> EndComponentAsync(DialogContext outerDc, object? result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outerDc);

        return outerDc.EndDialogAsync(result, cancellationToken);
    }

    /// <summary>The inner stack to run (begin, continue, re-prompt, end): this context may change it, then saves it.</summary>
    internal DialogContext CreateInnerContext(DialogContext outerDc, DialogInstance instance) =>
        new(Dialogs, outerDc.Context, TakeInnerState(instance), outerDc);

    /// <summary>
    /// The inner stack only to look at (<see cref="DialogContext.IsCurrent"/>, <see cref="DialogContext.FindActiveLeaf"/>):
    /// a turn looks at it up to three times before it runs it, and each parse of a stack holding a prompt's card was a
    /// visible share of a dialog turn, so the parse is kept on the instance and handed to the context that runs it.
    /// </summary>
    internal DialogContext InspectInnerContext(DialogContext outerDc, DialogInstance instance) =>
        new(Dialogs, outerDc.Context, PeekInnerState(instance), outerDc);

    private async Task<DialogTurnResult> CompleteInnerTurnAsync(
        DialogContext outerDc, DialogInstance instance, DialogContext inner, DialogTurnResult turnResult, CancellationToken cancellationToken)
    {
        SaveInnerState(instance, inner.State);
        return turnResult.Status == DialogTurnStatus.Waiting
            ? EndOfTurn
            : await EndComponentAsync(outerDc, turnResult.Result, cancellationToken);
    }

    private static DialogState PeekInnerState(DialogInstance instance)
    {
        var node = instance.State[PersistedDialogState];
        if (instance.ParsedInner is { } parsed && ReferenceEquals(parsed.Source, node))
        {
            return parsed.State;
        }

        var state = Parse(node);
        instance.ParsedInner = (node, state);
        return state;
    }

    // Whoever may change the stack owns what it gets: the kept parse (unchanged since, as only looks used it) or a new one.
    private static DialogState TakeInnerState(DialogInstance instance)
    {
        var node = instance.State[PersistedDialogState];
        var parsed = instance.ParsedInner;
        instance.ParsedInner = null;
        return parsed is { } kept && ReferenceEquals(kept.Source, node) ? kept.State : Parse(node);
    }

    private static DialogState Parse(JsonNode? node) => node?.Deserialize<DialogState>(BotJson.Options) ?? new DialogState();

    private static void SaveInnerState(DialogInstance instance, DialogState state) =>
        instance.State[PersistedDialogState] = JsonSerializer.SerializeToNode(state, BotJson.Options);
}
