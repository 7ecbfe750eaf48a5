using System.Text.Json;
using KaizalaBot.BotFramework.Schema;
using KaizalaBot.Testing.Cards;
using Activity = KaizalaBot.BotFramework.Schema.Activity;

namespace KaizalaBot.Benchmarks.Turns;

/// <summary>
/// The seller clicks the button with <paramref name="Verb"/> (any button of the style when null) on the card the bot
/// answered last: an <c>adaptiveCard/action</c> invoke for <see cref="CardActionStyle.Execute"/>, a message whose
/// <c>value</c> is the button's data for <see cref="CardActionStyle.Submit"/> (protocol ref. §5.4). Of several such buttons
/// (a list of customers), the first, or the one <paramref name="Choice"/> picks.
/// </summary>
internal sealed record ClickStep(string? Verb, CardActionStyle Style, CustomerChoice? Choice = null) : WalkStep
{
    public override Activity Next(WalkContext walk)
    {
        var card = walk.LastCard ?? throw new WalkBrokenException($"The bot answered no card to click {Verb ?? "a button"} on.");
        var (verb, data) = (Choice is null ? CardClick.Find(card, Verb, Style) : Choice.Pick(walk, card))
            ?? throw new WalkBrokenException($"The bot's last card has no {Style} button {Verb ?? string.Empty}: {CardTexts.Excerpt(card)}");
        if (Style == CardActionStyle.Submit)
        {
            return walk.NewActivity(ActivityTypes.Message) with { Value = JsonSerializer.SerializeToElement(data) };
        }

        var invoke = new
        {
            action = new { type = "Action.Execute", verb, data },
            trigger = "manual",
        };
        return walk.NewActivity(ActivityTypes.Invoke) with
        {
            Name = InvokeNames.AdaptiveCardAction,
            Value = JsonSerializer.SerializeToElement(invoke),
        };
    }
}
