using System.Text.Json;

namespace KaizalaBot.BotFramework.Dialogs.Prompts;

/// <summary>
/// Marks every action of a card with the prompt that sent it, so a click can be matched with the prompt that is
/// waiting (or refused when that prompt is gone). The stamp travels as a hidden data field, which Teams returns
/// with the click: merged into <c>value</c> for Action.Submit, in <c>value.action.data</c> for Action.Execute.
/// </summary>
/// <remarks>
/// The card's parsed element is walked to find where the stamp goes (a few places in a 10-20 KB card), and the card's
/// own bytes are copied around those few edits: nothing else of the card is written again. Writing the whole card
/// token by token, as this did before, cost each string an unescape, a check and an escape again, on every prompt turn
/// (docs/performance.md). The element already knows every object's properties, so an action's <c>type</c> is found
/// before its <c>data</c> is looked at, whichever comes first in the object.
/// </remarks>
internal static class CardStamp
{
    public const string DataKey = "kbPrompt";

    /// <summary>
    /// A copy of <paramref name="card"/> with <paramref name="stamp"/> in the data of every Action.Submit and
    /// Action.Execute, at any depth (action sets, show-card sub-cards, select actions, fallbacks). An Action.Submit
    /// whose data is not an object gets <c>{"value": data}</c>, since only an object can carry the stamp.
    /// An Execute's verb is copied into its Action.Submit fallback as <c>data.verb</c> so both paths name the verb.
    /// </summary>
    public static JsonElement Apply(JsonElement card, string stamp)
    {
        using var walk = new CardStampWalk(card, stamp);
        walk.Value(card, fallbackVerb: null);
        return walk.Result();
    }
}
