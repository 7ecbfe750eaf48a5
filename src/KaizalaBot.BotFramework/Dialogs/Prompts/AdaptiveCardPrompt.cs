using System.Text.Json;
using System.Text.Json.Nodes;
using KaizalaBot.BotFramework.Builder;
using KaizalaBot.BotFramework.Schema;

namespace KaizalaBot.BotFramework.Dialogs.Prompts;

/// <summary>
/// Sends a card and waits for a click on it, by <c>Action.Submit</c> (a message with <c>value</c>) or
/// <c>Action.Execute</c> (an <c>adaptiveCard/action</c> invoke); the result is a <see cref="CardSubmission"/>.
/// Every card the prompt sends is stamped with <c>"{owner instance id}/{prompt instance id}"</c> (see
/// <see cref="CardStamp"/>); only clicks carrying the stamp of the waiting prompt are answers. Refusing other
/// clicks, and putting the next card in place of the clicked one, is done by <see cref="DialogExtensions.RunAsync(Dialog, ITurnContext, State.IStatePropertyAccessor{DialogState}, CancellationToken)"/>,
/// which sees the click before any dialog does. A typed message is not an answer: it gets the retry prompt. A refresh
/// of the card (<c>trigger: "automatic"</c>) is never an answer either: it gets <see cref="GetCurrentViewAsync"/>.
/// </summary>
public class AdaptiveCardPrompt(string dialogId, PromptValidator<CardSubmission>? validator)
    : Prompt<CardSubmission>(dialogId, validator)
{
    internal const string StampKey = "stamp";

    public override Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);

        var instance = dc.ActiveDialog!;
        var owner = dc.Stack.Count > 1 ? dc.Stack[1].InstanceId : dc.Parent?.ActiveDialog?.InstanceId ?? "root";
        instance.State[StampKey] = $"{owner}/{instance.InstanceId}";
        return base.BeginDialogAsync(dc, options, cancellationToken);
    }

    internal static string? ReadStamp(DialogInstance instance) =>
        instance.State[StampKey] is JsonValue value && value.TryGetValue<string>(out var stamp) ? stamp : null;

    internal Task<JsonElement?> CurrentViewAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken) =>
        GetCurrentViewAsync(turnContext, instance, cancellationToken);

    /// <summary>
    /// What Teams shows when it refreshes this prompt's card while the prompt waits: by default the card it is waiting
    /// with, stamped as sent. Override to recompute it (e.g. from data that changed since); <c>null</c> leaves the card
    /// as it is. Must not change anything: a refresh is not an answer.
    /// </summary>
    protected virtual Task<JsonElement?> GetCurrentViewAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instance);

        var prompt = ReadOptions(instance.State).Prompt;
        var card = prompt?.Attachments?.FirstOrDefault(a => a is { ContentType: ContentTypes.AdaptiveCard, Content: not null })?.Content;
        return Task.FromResult(card is { } content && ReadStamp(instance) is { } stamp ? CardStamp.Apply(content, stamp) : (JsonElement?)null);
    }

    protected override bool AcceptsActivity(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);

        return activity.Type == ActivityTypes.Message
            || (activity.Type == ActivityTypes.Invoke && activity.Name == InvokeNames.AdaptiveCardAction);
    }

    protected override Activity PrepareActivity(Activity activity, JsonObject state)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(state);

        var stamp = state[StampKey]?.GetValue<string>() ?? throw new InvalidOperationException("The card prompt has no stamp.");
        if (activity.Attachments is null)
        {
            return activity;
        }

        var attachments = activity.Attachments
            .Select(a => a is { ContentType: ContentTypes.AdaptiveCard, Content: { } card }
                ? a with { Content = CardStamp.Apply(card, stamp) }
                : a)
            .ToList();
        return activity with { Attachments = attachments };
    }

    protected override Task<PromptRecognizerResult<CardSubmission>> OnRecognizeAsync(
        ITurnContext turnContext, JsonObject state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(state);

        var click = CardClick.TryRead(turnContext.Activity);
        var expected = state[StampKey]?.GetValue<string>();
        return Task.FromResult(click is not null && click.Stamp is not null && click.Stamp == expected
            ? new PromptRecognizerResult<CardSubmission>(true, click.ToSubmission())
            : new PromptRecognizerResult<CardSubmission>(false, default));
    }
}
