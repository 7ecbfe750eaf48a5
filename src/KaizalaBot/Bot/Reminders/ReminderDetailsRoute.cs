using KaizalaBot.BotFramework.Builder;
using KaizalaBot.Cards;
using KaizalaBot.Localization;
using KaizalaBot.Migration.Expiry;
using KaizalaBot.Migration.Reminders;

namespace KaizalaBot.Bot.Reminders;

/// <summary>
/// <i>Details</i>: the customer's Kaizala Pro subscriptions in full, from the index, as a new message so the reminder it
/// came from stays in the chat.
/// </summary>
internal sealed class ReminderDetailsRoute(ExpiryIndex index, CustomerOwnership ownership, ExpiryCardBuilder cards, BotTexts texts)
    : CardActionRoute<CustomerData>
{
    public override string Verb => CardVerbs.ReminderDetails;

    protected override async Task<CardActionResult> OnActionAsync(CardActionContext<CustomerData> action, CancellationToken cancellationToken)
    {
        var activity = action.TurnContext.Activity;
        var text = texts.ForLocale(activity.Locale);
        if (await index.ReadAsync(action.Data.CustomerId, cancellationToken) is not { } entry)
        {
            return CardActionResult.Message(text["reminderUnknownCustomer"]);
        }

        var owner = await ownership.GetAsync(entry.CustomerId, cancellationToken);
        var isYours = owner is not null && string.Equals(owner.Seller.AadObjectId, activity.From?.AadObjectId, StringComparison.OrdinalIgnoreCase);
        await action.TurnContext.SendActivityAsync(MessageFactory.Attachment(cards.Details(entry, owner?.Seller.DisplayName, isYours, text)), cancellationToken);
        return CardActionResult.None;
    }
}
