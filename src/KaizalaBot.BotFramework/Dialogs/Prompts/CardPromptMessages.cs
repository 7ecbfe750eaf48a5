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

    /// <summary>A click in a group chat or channel from someone other than the user who started the dialog.</summary>
    public required Func<ITurnContext, string> NotOwner { get; init; }

    /// <summary>A typed answer in a group chat or channel from someone other than the user who started the dialog.</summary>
    public required Func<ITurnContext, string> NotOwnerTyped { get; init; }

    /// <summary>The conversation was saved by an older version of the bot whose dialog changed since: it was ended.</summary>
    public required Func<ITurnContext, string> DialogChanged { get; init; }

    /// <summary>English, or French for <c>fr-*</c> locales (architecture §8); hosts with their own catalogue pass theirs.</summary>
    public static CardPromptMessages Default { get; } = new()
    {
        StaleCard = turn => IsFrench(turn)
            ? "Cette carte n'est plus active. Veuillez utiliser la carte la plus récente."
            : "This card is no longer active. Please use the most recent card.",
        Accepted = turn => IsFrench(turn) ? "C'est noté." : "Done.",
        NotOwner = turn => IsFrench(turn)
            ? "Seule la personne qui a commencé cette étape peut répondre à cette carte."
            : "Only the person who started this step can answer this card.",
        NotOwnerTyped = turn => IsFrench(turn)
            ? "Seule la personne qui a commencé cette étape peut y répondre. Pour commencer la vôtre, écrivez-moi en conversation privée."
            : "Only the person who started this step can answer it. To start your own, write to me in a personal chat.",
        DialogChanged = turn => IsFrench(turn)
            ? "Le bot a été mis à jour et cette conversation a dû être arrêtée. Veuillez recommencer."
            : "The bot was updated and this conversation had to stop. Please start again.",
    };

    private static bool IsFrench(ITurnContext turnContext) =>
        turnContext.Activity.Locale?.StartsWith("fr", StringComparison.OrdinalIgnoreCase) == true;
}
