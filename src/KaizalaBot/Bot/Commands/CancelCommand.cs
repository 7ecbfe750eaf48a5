using KaizalaBot.BotFramework.Builder;
using KaizalaBot.Localization;

namespace KaizalaBot.Bot.Commands;

/// <summary><c>cancel</c> / <c>annuler</c>: ends whatever dialog runs in this conversation.</summary>
internal sealed class CancelCommand(DialogRoute dialogs, BotTexts texts) : ICommandHandler
{
    public async Task RunAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var text = texts.ForLocale(turnContext.Activity.Locale);
        var cancelled = await dialogs.CancelAllAsync(turnContext, cancellationToken);
        await turnContext.SendActivityAsync(MessageFactory.Text(text[cancelled ? "cancelled" : "nothingToCancel"]), cancellationToken);
    }
}
