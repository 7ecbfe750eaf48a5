using KaizalaBot.BotFramework.Builder;
using KaizalaBot.Cards;
using KaizalaBot.Localization;
using KaizalaBot.Migration.Expiry;
using KaizalaBot.Migration.Reminders;

namespace KaizalaBot.Bot.Reminders;

/// <summary><i>Hand back</i>: the owner gives the customer back; its reminders go to the channel (or every seller) again.</summary>
internal sealed class HandBackCustomerRoute(CustomerOwnership ownership, ExpiryIndex index, BotTexts texts) : CardActionRoute<CustomerData>
{
    public override string Verb => CardVerbs.HandBackCustomer;

    protected override async Task<CardActionResult> OnActionAsync(CardActionContext<CustomerData> action, CancellationToken cancellationToken)
    {
        var activity = action.TurnContext.Activity;
        var text = texts.ForLocale(activity.Locale);
        var name = (await index.ReadAsync(action.Data.CustomerId, cancellationToken))?.CompanyName ?? action.Data.CustomerId;
        if (ReminderTurn.Seller(activity) is not { } seller)
        {
            return CardActionResult.Message(text["reminderNotAllowed"]);
        }

        var result = await ownership.ReleaseAsync(action.Data.CustomerId, seller, cancellationToken);
        return CardActionResult.Message(result.Status switch
        {
            OwnershipStatus.Done => text.Format("reminderHandedBack", name),
            OwnershipStatus.NotOwned => text.Format("reminderNotOwned", name),
            _ => text.Format("reminderNotOwner", name, result.Owner?.Seller.DisplayName),
        });
    }
}
