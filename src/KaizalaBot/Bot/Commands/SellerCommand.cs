using KaizalaBot.BotFramework.Builder;
using KaizalaBot.Dialogs.Migration;
using KaizalaBot.Localization;
using KaizalaBot.Migration.Authorization;
using KaizalaBot.Migration.Jobs;

namespace KaizalaBot.Bot.Commands;

/// <summary>
/// A command about the seller's migrations (status, history, resume): only for someone entitled to migrate, who is
/// told politely why not otherwise.
/// </summary>
internal abstract class SellerCommand(SellerAuthorizer authorizer, BotTexts texts) : ICommandHandler
{
    public async Task RunAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var text = texts.ForLocale(turnContext.Activity.Locale);
        var seller = SellerIdentities.From(turnContext.Activity);
        var entitlement = seller is null
            ? AuthorizationResult.Refused("notPartnerTenant")
            : await authorizer.AuthorizeAsync(seller, SellerAction.Migrate, null, cancellationToken);
        if (!entitlement.IsAllowed)
        {
            await turnContext.SendActivityAsync(MessageFactory.Text($"{text.Text(entitlement.Refusal!)} {text.Action(entitlement.Refusal!)}"), cancellationToken);
            return;
        }

        await RunAsync(turnContext, text, seller!, cancellationToken);
    }

    protected abstract Task RunAsync(ITurnContext turnContext, TextTable texts, SellerIdentity seller, CancellationToken cancellationToken);
}
