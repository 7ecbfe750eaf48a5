using System.Text.Json.Nodes;
using KaizalaBot.BotFramework.Builder;
using KaizalaBot.BotFramework.Dialogs;
using KaizalaBot.BotFramework.Dialogs.Prompts;
using KaizalaBot.Localization;

namespace KaizalaBot.Dialogs.Migration;

/// <summary>
/// The migration dialog's card prompt. A live card (<see cref="LiveView"/> in the options) is drawn afresh each time it
/// is sent, so the proactive redraw (<see cref="LiveOnlyKey"/> set on the turn: only live cards are sent again) shows
/// the background work as it stands. A typed message while a card waits gets a hint instead of the card again.
/// </summary>
internal sealed class MigrationCardPrompt(string dialogId, LiveViewRenderer live, BotTexts texts)
    : AdaptiveCardPrompt(dialogId, (prompt, ct) => HintAsync(prompt, texts, ct))
{
    /// <summary>Turn state key: this turn only redraws a waiting live card (nothing else is sent).</summary>
    public const string LiveOnlyKey = "KaizalaBot.LiveCardsOnly";

    /// <summary>
    /// Turn state key: which read the live card drawn in this turn shows, and its status then, as
    /// <c>(string Key, PreparationStatus Status)</c>.
    /// </summary>
    public const string LiveStatusKey = "KaizalaBot.LiveCardStatus";

    protected override async Task OnPromptAsync(
        ITurnContext turnContext, JsonObject state, PromptOptions options, bool isRetry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(options);

        if (LiveView.From(options.Validations) is not { } view)
        {
            if (!turnContext.TurnState.ContainsKey(LiveOnlyKey))
            {
                await base.OnPromptAsync(turnContext, state, options, isRetry, cancellationToken);
            }

            return;
        }

        var (card, status) = await live.RenderAsync(texts.ForLocale(turnContext.Activity.Locale), view, cancellationToken);
        turnContext.TurnState[LiveStatusKey] = (view.Key, status);
        await base.OnPromptAsync(turnContext, state, options with { Prompt = MessageFactory.Attachment(card) }, isRetry, cancellationToken);
    }

    /// <summary>
    /// Whether the prompt waiting in <paramref name="instance"/> shows a live card (drawn again from the background work
    /// it follows) rather than a step's card, which <see cref="MigrationDialog"/> shows again from the dialog's answers.
    /// </summary>
    public static bool WaitsWithLiveView(DialogInstance instance)
    {
        ArgumentNullException.ThrowIfNull(instance);

        return LiveView.From(ReadOptions(instance.State).Validations) is not null;
    }

    /// <summary>
    /// Keeps no activity: a live card is drawn afresh from its <see cref="LiveView"/> and any other card is shown again
    /// by its step (<see cref="MigrationDialog"/>'s re-prompt), so the 10-25 KB card sent need not be written with the
    /// state on this turn and read and written again on the next (docs/performance.md).
    /// </summary>
    protected override PromptOptions OptionsToKeep(PromptOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        return options with { Prompt = null, RetryPrompt = null };
    }

    private static async Task<bool> HintAsync(PromptValidatorContext<CardSubmission> prompt, BotTexts texts, CancellationToken cancellationToken)
    {
        if (prompt.Recognized.Succeeded)
        {
            return true;
        }

        await prompt.Context.SendActivityAsync(
            MessageFactory.Text(texts.ForLocale(prompt.Context.Activity.Locale)["migrationUseTheCard"]), cancellationToken);
        return false;
    }
}
