using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using KaizalaBot.BotFramework.Schema;

namespace KaizalaBot.BotFramework.Dialogs;

/// <summary>
/// The SDK's <c>WaterfallDialog</c> (protocol ref. §8.4) with typed step state: instead of the SDK's string-keyed
/// <c>Values</c> bag, each instance carries one <typeparamref name="TState"/> (a record), persisted as JSON in the
/// instance state under <c>"state"</c>, read by steps as <c>step.State</c> and replaced with <c>with</c>.
/// The begin options, when they are a <typeparamref name="TState"/>, become the initial state.
/// </summary>
public sealed class WaterfallDialog<TState> : Dialog
    where TState : class
{
    internal const string StepIndexKey = "stepIndex";
    internal const string StateKey = "state";

    private readonly List<WaterfallStep<TState>> _steps;
    private readonly List<string> _stepNames;
    private readonly TState _initialState;

    // Digested once (again after an AddStep): it was recomputed at every begin and every stack check of every turn.
    private string? _version;

    public WaterfallDialog(string dialogId, TState initialState, IEnumerable<WaterfallStep<TState>> steps)
        : base(dialogId)
    {
        ArgumentNullException.ThrowIfNull(initialState);
        ArgumentNullException.ThrowIfNull(steps);

        _initialState = initialState;
        _steps = [.. steps];
        _stepNames = [.. _steps.Select(s => s.Method.Name)];
    }

    public WaterfallDialog<TState> AddStep(WaterfallStep<TState> step)
    {
        ArgumentNullException.ThrowIfNull(step);

        _steps.Add(step);
        _stepNames.Add(step.Method.Name);
        _version = null;
        return this;
    }

    /// <summary>Adds a step that receives the previous step's result as a <typeparamref name="TResult"/> (see <see cref="WaterfallStepContext{TState}.GetResult{T}"/>).</summary>
    public WaterfallDialog<TState> AddStep<TResult>(WaterfallStep<TState, TResult> step)
    {
        ArgumentNullException.ThrowIfNull(step);

        _steps.Add((stepContext, ct) => step(stepContext, stepContext.GetResult<TResult>(), ct));
        _stepNames.Add(step.Method.Name);
        _version = null;
        return this;
    }

    /// <summary>
    /// The id, the state type and the steps' method names in order: inserting, removing or reordering a step makes a
    /// stack saved before the change end cleanly instead of resuming at a shifted step. Name step methods
    /// (<c>…StepAsync</c>) rather than using lambdas, whose generated names move when unrelated code changes.
    /// </summary>
    public override string GetVersion() => _version ??= Digest([Id, typeof(TState).FullName ?? typeof(TState).Name, .. _stepNames]);

    public override Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);

        var state = options switch
        {
            null => _initialState,
            TState typed => typed,
            _ => throw new ArgumentException(
                $"Waterfall '{Id}' takes a {typeof(TState).Name} as options, not a {options.GetType().Name}.", nameof(options)),
        };
        var instance = dc.ActiveDialog!;
        WriteState(instance, state);
        return RunStepAsync(dc, instance, 0, DialogReason.BeginCalled, null, cancellationToken);
    }

    /// <summary>Only a message answers a bare waterfall step (the step result is its text); other activities wait.</summary>
    public override Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);

        if (dc.Context.Activity.Type != ActivityTypes.Message)
        {
            return Task.FromResult(EndOfTurn);
        }

        return ResumeDialogAsync(dc, DialogReason.ContinueCalled, dc.Context.Activity.Text, cancellationToken);
    }

    public override Task<DialogTurnResult> ResumeDialogAsync(
        DialogContext dc, DialogReason reason, object? result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);

        var instance = dc.ActiveDialog!;
        var index = instance.State[StepIndexKey]?.GetValue<int>() ?? 0;
        return RunStepAsync(dc, instance, index + 1, reason, result, cancellationToken);
    }

    /// <summary>
    /// The typed state, deserialised the first time a turn reads it and then kept in the instance state as the object
    /// itself (as <see cref="WriteState"/> keeps it), so that it is serialised once, when the dialog state is saved, to
    /// the same JSON as before. Turning it into a JSON tree at each write and back at each read (a replaced waterfall
    /// reads the state its begin just wrote) was a visible share of a migration turn.
    /// </summary>
    internal static TState ReadState(DialogInstance instance)
    {
        var node = instance.State[StateKey];
        if (node is JsonValue value && value.TryGetValue<TState>(out var kept))
        {
            return kept;
        }

        var state = node?.Deserialize<TState>(BotJson.Options)
            ?? throw new InvalidOperationException("The waterfall instance has no state.");
        WriteState(instance, state);
        return state;
    }

    /// <summary>The state of one of this waterfall's instances (e.g. for its component to begin the flow again from it).</summary>
    public TState StateOf(DialogInstance instance)
    {
        ArgumentNullException.ThrowIfNull(instance);

        return instance.Id == Id ? ReadState(instance) : throw new ArgumentException($"The instance is not one of waterfall '{Id}'.", nameof(instance));
    }

    internal static void WriteState(DialogInstance instance, TState state) =>
        instance.State[StateKey] = JsonValue.Create(state, StateJson);

    private static JsonTypeInfo<TState> StateJson => (JsonTypeInfo<TState>)BotJson.Options.GetTypeInfo(typeof(TState));

    private async Task<DialogTurnResult> RunStepAsync(
        DialogContext dc, DialogInstance instance, int index, DialogReason reason, object? result, CancellationToken cancellationToken)
    {
        if (index >= _steps.Count)
        {
            return await dc.EndDialogAsync(result, cancellationToken);
        }

        instance.State[StepIndexKey] = JsonValue.Create(index);
        var step = new WaterfallStepContext<TState>(this, dc, instance, index, reason, result);
        return await _steps[index](step, cancellationToken);
    }
}
