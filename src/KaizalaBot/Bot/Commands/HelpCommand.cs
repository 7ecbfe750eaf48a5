using KaizalaBot.BotFramework.Builder;
using KaizalaBot.Cards;
using KaizalaBot.Cards.Models;
using KaizalaBot.Localization;

namespace KaizalaBot.Bot.Commands;

/// <summary><c>help</c> / <c>aide</c>: the help card, listing every registered command in the seller's language.</summary>
internal sealed class HelpCommand(IEnumerable<BotCommandRegistration> registrations, CardRenderer cards, BotTexts texts) : ICommandHandler
{
    public async Task RunAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var text = texts.ForLocale(turnContext.Activity.Locale);
        var commands = registrations
            .Select(r => new CommandHelp(CommandParser.NameOf(r.Command, text.Language), text[r.HelpTextKey]))
            .ToList();
        var card = cards.Render(CardTemplate.Help, text, new HelpCardModel(commands));
        await turnContext.SendActivityAsync(MessageFactory.Attachment(card), cancellationToken);
    }
}
