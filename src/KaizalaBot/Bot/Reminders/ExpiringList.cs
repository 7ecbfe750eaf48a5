using KaizalaBot.BotFramework.Schema;
using KaizalaBot.Cards;
using KaizalaBot.Localization;
using KaizalaBot.Migration.Expiry;
using KaizalaBot.Migration.Reminders;
using Microsoft.Extensions.Options;

namespace KaizalaBot.Bot.Reminders;

/// <summary>
/// A page of "customers on Kaizala Pro, most urgent first" from the expiry index (never from Partner Center: a turn
/// must not scan), for <c>expiring</c> and its <i>Next page</i> button. The page is as long as a reminder card.
/// </summary>
internal sealed class ExpiringList(ExpiryIndex index, CustomerOwnership ownership, ExpiryCardBuilder cards, IOptions<ReminderOptions> options)
{
    /// <summary>The card of the page after <paramref name="after"/>, or the text to say when there is no card to show.</summary>
    public async Task<(Attachment? Card, string? Message)> PageAsync(string? after, TextTable text, CancellationToken cancellationToken)
    {
        var status = await index.GetStatusAsync(cancellationToken);
        if (!status.IsReady)
        {
            return (null, text["expiringNotReady"]);
        }

        var page = await index.ReadPageAsync(after, options.Value.MaxItemsPerCard, cancellationToken);
        if (page.Items.Count == 0)
        {
            return (null, text["expiringEmpty"]);
        }

        var owners = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in page.Items)
        {
            if (await ownership.GetAsync(entry.CustomerId, cancellationToken) is { } owner)
            {
                owners[entry.CustomerId] = owner.Seller.DisplayName;
            }
        }

        return (cards.Page(page, status, owners, text), null);
    }
}
