using KaizalaBot.BotFramework.Builder;

namespace KaizalaBot.BotFramework.Dialogs.Prompts;

/// <summary>
/// The texts the card-click handling of <see cref="DialogExtensions.RunAsync(Dialog, ITurnContext, State.IStatePropertyAccessor{DialogState}, CardPromptMessages, CancellationToken)"/>
/// shows; functions of the turn so the host can localise them from the activity's locale.
/// </summary>
public sealed record CardPromptMessages
{
    /// <summary>A click on a card whose prompt is no longer waiting (or on no prompt's card at all).</summary>
    public required Func<ITurnContext, string> StaleCard { get; init; }

    /// <summary>The invoke answer when a click was accepted but the dialog sent no card to replace it with.</summary>
    public required Func<ITurnContext, string> Accepted { get; init; }

    /// <summary>English, or French for <c>fr-*</c> locales (architecture §8); hosts with their own catalogue pass theirs.</summary>
    public static CardPromptMessages Default { get; } = new()
    {
        StaleCard = turn => IsFrench(turn)
            ? "Cette carte n'est plus active. Veuillez utiliser la carte la plus récente."
            : "This card is no longer active. Please use the most recent card.",
        Accepted = turn => IsFrench(turn) ? "C'est noté." : "Done.",
    };

    private static bool IsFrench(ITurnContext turnContext) =>
        turnContext.Activity.Locale?.StartsWith("fr", StringComparison.OrdinalIgnoreCase) == true;
}
