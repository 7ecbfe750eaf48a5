using KaizalaBot.BotFramework.Builder;
using KaizalaBot.Cards;
using KaizalaBot.Localization;
using KaizalaBot.Migration.Expiry;
using KaizalaBot.Migration.Reminders;

namespace KaizalaBot.Bot.Reminders;

/// <summary><i>I'll handle it</i>: the seller who clicks takes the customer; its reminders go to them from now on.</summary>
internal sealed class HandleCustomerRoute(CustomerOwnership ownership, ExpiryIndex index, BotTexts texts) : CardActionRoute<CustomerData>
{
    public override string Verb => CardVerbs.HandleCustomer;

    protected override async Task<CardActionResult> OnActionAsync(CardActionContext<CustomerData> action, CancellationToken cancellationToken)
    {
        var activity = action.TurnContext.Activity;
        var text = texts.ForLocale(activity.Locale);
        if (ReminderTurn.Seller(activity) is not { } seller)
        {
            return CardActionResult.Message(text["reminderNotAllowed"]);
        }

        var name = (await index.ReadAsync(action.Data.CustomerId, cancellationToken))?.CompanyName ?? action.Data.CustomerId;
        var result = await ownership.TakeAsync(action.Data.CustomerId, seller, cancellationToken);
        return CardActionResult.Message(result.Status switch
        {
            OwnershipStatus.Done => text.Format("reminderTaken", name),
            OwnershipStatus.AlreadyYours => text.Format("reminderAlreadyYours", name),
            OwnershipStatus.OwnedByOther => text.Format("reminderOwnedByOther", name, result.Owner?.Seller.DisplayName),
            _ => text["reminderNotAllowed"],
        });
    }
}
