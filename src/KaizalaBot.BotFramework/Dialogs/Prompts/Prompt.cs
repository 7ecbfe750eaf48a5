using System.Text.Json;
using System.Text.Json.Nodes;
using KaizalaBot.BotFramework.Builder;
using KaizalaBot.BotFramework.Schema;

namespace KaizalaBot.BotFramework.Dialogs.Prompts;

/// <summary>
/// The SDK's <c>Prompt&lt;T&gt;</c> (protocol ref. §8.5): sends <see cref="PromptOptions.Prompt"/>, recognises the
/// answer, validates it, ends with the value or re-prompts (with <see cref="PromptOptions.RetryPrompt"/> when set,
/// unless the validator already answered the user). The options (see <see cref="StoredPromptOptions"/>) and attempt
/// count live in the instance state.
/// </summary>
public abstract class Prompt<T> : Dialog
{
    private const string OptionsKey = "options";
    private const string AttemptCountKey = "attemptCount";

    private readonly PromptValidator<T>? _validator;

    // Digested once rather than at every begin and stack check: neither part can change.
    private string? _version;

    protected Prompt(string dialogId, PromptValidator<T>? validator)
        : base(dialogId)
    {
        _validator = validator;
    }

    /// <summary>The id and the prompt's type: what a prompt expects as an answer is its type.</summary>
    public override string GetVersion() => _version ??= Digest([Id, GetType().FullName ?? GetType().Name]);

    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);

        if (options is not PromptOptions promptOptions)
        {
            throw new ArgumentException($"Prompt '{Id}' needs PromptOptions.", nameof(options));
        }

        var state = dc.ActiveDialog!.State;
        state[OptionsKey] = StoredPromptOptions.Write(OptionsToKeep(promptOptions));
        state[AttemptCountKey] = JsonValue.Create(0);
        await OnPromptAsync(dc.Context, state, promptOptions, false, cancellationToken);
        return EndOfTurn;
    }

    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);

        if (!AcceptsActivity(dc.Context.Activity))
        {
            return EndOfTurn;
        }

        // The options hold the prompt's card: read only if this answer needs them (a validator asking, or a re-prompt).
        var state = dc.ActiveDialog!.State;
        PromptOptions? options = null;
        PromptOptions Options() => options ??= ReadOptions(state);
        var recognized = await OnRecognizeAsync(dc.Context, state, cancellationToken);
        var attemptCount = (state[AttemptCountKey]?.GetValue<int>() ?? 0) + 1;
        state[AttemptCountKey] = JsonValue.Create(attemptCount);

        var isValid = _validator is null
            ? recognized.Succeeded
            : await _validator(
                new PromptValidatorContext<T>
                {
                    Context = dc.Context,
                    Recognized = recognized,
                    OptionsReader = Options,
                    AttemptCount = attemptCount,
                },
                cancellationToken);
        if (isValid)
        {
            return await dc.EndDialogAsync(recognized.Value, cancellationToken);
        }

        if (!dc.Context.Responded)
        {
            await OnPromptAsync(dc.Context, state, Options(), true, cancellationToken);
        }

        return EndOfTurn;
    }

    /// <summary>A dialog started on top of the prompt ended: ask again and wait.</summary>
    public override async Task<DialogTurnResult> ResumeDialogAsync(
        DialogContext dc, DialogReason reason, object? result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);

        await RepromptDialogAsync(dc.Context, dc.ActiveDialog!, cancellationToken);
        return EndOfTurn;
    }

    public override Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instance);

        return OnPromptAsync(turnContext, instance.State, ReadOptions(instance.State), false, cancellationToken);
    }

    /// <summary>
    /// What of the options the instance keeps for the turns after the first (a re-prompt, a validator, a refresh): all of
    /// them by default, as the SDK does. A prompt whose owner can draw its activity again (see
    /// <see cref="ComponentDialog.OnRepromptDialogAsync"/>) can drop it: a card is 10-25 KB that every later turn would
    /// otherwise read and write with the state, unused.
    /// </summary>
    protected virtual PromptOptions OptionsToKeep(PromptOptions options) => options;

    /// <summary>Which activities count as an answer; others leave the prompt waiting. Messages by default.</summary>
    protected virtual bool AcceptsActivity(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);

        return activity.Type == ActivityTypes.Message;
    }

    protected virtual async Task OnPromptAsync(
        ITurnContext turnContext, JsonObject state, PromptOptions options, bool isRetry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(options);

        var activity = isRetry && options.RetryPrompt is not null ? options.RetryPrompt : options.Prompt;
        if (activity is not null)
        {
            var prepared = PrepareActivity(activity with { InputHint = activity.InputHint ?? InputHints.ExpectingInput }, state);
            await turnContext.SendActivityAsync(prepared, cancellationToken);
        }
    }

    /// <summary>Last chance to change a prompt activity before it is sent (e.g. to stamp its cards).</summary>
    protected virtual Activity PrepareActivity(Activity activity, JsonObject state) => activity;

    /// <summary>
    /// Recognises the answer. Unlike the SDK's, it is not handed the options: they hold the prompt's card, and none of
    /// these prompts needs them to recognise; one that does reads them with <see cref="ReadOptions"/>.
    /// </summary>
    protected abstract Task<PromptRecognizerResult<T>> OnRecognizeAsync(ITurnContext turnContext, JsonObject state, CancellationToken cancellationToken);

    protected internal static PromptOptions ReadOptions(JsonObject state) => StoredPromptOptions.Read(state[OptionsKey]);
}
