using System.Text.Json;
using KaizalaBot.BotFramework.Schema;
using KaizalaBot.Testing.Cards;
using Activity = KaizalaBot.BotFramework.Schema.Activity;

namespace KaizalaBot.Benchmarks.Turns;

/// <summary>
/// The seller clicks the button with <paramref name="Verb"/> (any button of the style when null) on the card the bot
/// answered last: an <c>adaptiveCard/action</c> invoke for <see cref="CardActionStyle.Execute"/>, a message whose
/// <c>value</c> is the button's data for <see cref="CardActionStyle.Submit"/> (protocol ref. §5.4).
/// </summary>
internal sealed record ClickStep(string? Verb, CardActionStyle Style) : WalkStep
{
    public override Activity Next(WalkContext walk)
    {
        var card = walk.LastCard ?? throw new WalkBrokenException($"The bot answered no card to click {Verb ?? "a button"} on.");
        var (verb, data) = CardClick.Find(card, Verb, Style)
            ?? throw new WalkBrokenException($"The bot's last card has no {Style} button {Verb ?? string.Empty}: {Excerpt(card)}");
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

    // Enough of the card to see which step the bot is on (its texts come early), not the whole card.
    private static string Excerpt(JsonElement card)
    {
        var text = card.GetRawText();
        return text.Length <= 600 ? text : text[..600] + "...";
    }
}
