using KaizalaBot.Bot.Reminders;
using KaizalaBot.BotFramework.Builder;
using KaizalaBot.Localization;

namespace KaizalaBot.Bot.Commands;

/// <summary><c>expiring</c> / <c>expirations</c>: the customers on Kaizala Pro, most urgent first, a page at a time.</summary>
internal sealed class ExpiringCommand(ExpiringList list, BotTexts texts) : ICommandHandler
{
    public async Task RunAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var text = texts.ForLocale(turnContext.Activity.Locale);
        var (card, message) = await list.PageAsync(null, text, cancellationToken);
        await turnContext.SendActivityAsync(card is not null ? MessageFactory.Attachment(card) : MessageFactory.Text(message!), cancellationToken);
    }
}
