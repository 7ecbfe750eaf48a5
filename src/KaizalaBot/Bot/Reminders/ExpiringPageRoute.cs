using KaizalaBot.BotFramework.Builder;
using KaizalaBot.Cards;
using KaizalaBot.Localization;

namespace KaizalaBot.Bot.Reminders;

/// <summary><i>Next page</i> of <c>expiring</c>: the card turns to the next page in place.</summary>
internal sealed class ExpiringPageRoute(ExpiringList list, BotTexts texts) : CardActionRoute<ExpiringPageData>
{
    public override string Verb => CardVerbs.ExpiringPage;

    protected override async Task<CardActionResult> OnActionAsync(CardActionContext<ExpiringPageData> action, CancellationToken cancellationToken)
    {
        var text = texts.ForLocale(action.TurnContext.Activity.Locale);
        var (card, message) = await list.PageAsync(action.Data.After, text, cancellationToken);
        return card?.Content is { } content ? CardActionResult.Card(content) : CardActionResult.Message(message ?? text["expiringEmpty"]);
    }
}
