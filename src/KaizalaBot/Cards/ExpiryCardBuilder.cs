using System.Globalization;
using KaizalaBot.BotFramework.Schema;
using KaizalaBot.Cards.Models;
using KaizalaBot.Localization;
using KaizalaBot.Migration.Expiry;
using KaizalaBot.Migration.Planning;
using KaizalaBot.Migration.Reminders;
using KaizalaBot.PartnerCenter.Models;

namespace KaizalaBot.Cards;

/// <summary>
/// Words the expiry index and the reminders for a reader (their language, dates and numbers in its culture, days left
/// counted now) and renders the reminder digest, a page of <c>expiring</c>, and a customer's details.
/// </summary>
public sealed class ExpiryCardBuilder(CardRenderer cards, TimeProvider time)
{
    // A product name, the same in every language: what a subscription without a friendly name is called.
    private const string KaizalaPro = "Kaizala Pro";

    public Attachment Digest(ReminderDigest digest, TextTable text)
    {
        ArgumentNullException.ThrowIfNull(digest);
        ArgumentNullException.ThrowIfNull(text);
        var items = digest.Items.Select(i => Item(i.CustomerId, i.CompanyName, i.Subscription, i.OwnerName, text)).ToList();
        var intro = text[digest.Recipient.Kind == ReminderRecipientKind.Channel ? "reminderIntroChannel" : "reminderIntroSeller"];
        var more = digest.MoreCount > 0 ? text.Format("reminderMore", digest.MoreCount) : null;
        return cards.Render(CardTemplate.ExpiryList, text, new ExpiryListCardModel(text["reminderTitle"], intro, items, more, null));
    }

    /// <summary>A page of "Kaizala customers, most urgent first"; <paramref name="owners"/> names who handles which.</summary>
    public Attachment Page(ExpiryIndexPage page, ExpiryIndexStatus status, IReadOnlyDictionary<string, string> owners, TextTable text)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(owners);
        ArgumentNullException.ThrowIfNull(text);
        var items = page.Items
            .SelectMany(e => e.Subscriptions.Where(s => s.IsLive()).Select(s => Item(e.CustomerId, e.CompanyName, s, owners.GetValueOrDefault(e.CustomerId), text)))
            .ToList();
        var intro = text.Format("expiringIntro", When(status.LastCompletedAt, text));
        return cards.Render(CardTemplate.ExpiryList, text, new ExpiryListCardModel(text["expiringTitle"], intro, items, null, page.Next));
    }

    public Attachment Details(ExpiryIndexEntry entry, string? ownerName, bool isYours, TextTable text)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(text);
        var subscriptions = entry.Subscriptions.Select(s => new ExpiryDetailsSubscription(
            s.SubscriptionId,
            s.FriendlyName ?? KaizalaPro,
            text[StatusKey(s.Status)],
            Remaining(s, text),
            Color(s),
            text.Number(s.Seats),
            text.Number(s.AssignedUsers),
            text.Number(s.UnassignedSeats),
            Date(s.EndDate, text),
            text[s.AutoRenewEnabled ? "reminderAutoRenewOn" : "reminderAutoRenewOff"],
            s.Status == SubscriptionStatus.Active)).ToList();
        var owner = ownerName is null ? null : text.Format("detailsOwner", ownerName);
        var model = new ExpiryDetailsCardModel(
            entry.CustomerId, CustomerName(entry.CompanyName, entry.CustomerId), text.Format("detailsAsOf", When(entry.ScannedAt, text)), owner, isYours, subscriptions);
        return cards.Render(CardTemplate.ExpiryDetails, text, model);
    }

    private ExpiryCardItem Item(string customerId, string? companyName, KaizalaSubscriptionSummary subscription, string? owner, TextTable text) => new(
        customerId,
        subscription.SubscriptionId,
        CustomerName(companyName, customerId),
        subscription.FriendlyName ?? KaizalaPro,
        Remaining(subscription, text),
        Color(subscription),
        text.Number(subscription.Seats),
        text.Number(subscription.AssignedUsers),
        text.Number(subscription.UnassignedSeats),
        Date(subscription.EndDate, text),
        owner);

    /// <summary>"Ends in 12 days", "Ended yesterday", "Renews automatically": counted now, not when the index was written.</summary>
    private string Remaining(KaizalaSubscriptionSummary subscription, TextTable text)
    {
        if (subscription.EndDate is not { } end)
        {
            return text["reminderNoEndDate"];
        }

        if (subscription.AutoRenewEnabled && subscription.Status == SubscriptionStatus.Active)
        {
            return text["reminderRenews"];
        }

        // Whole days, as the planner counts them: "in 1 day" means one to two days from now.
        var now = time.GetUtcNow();
        var left = end > now ? (int)Math.Floor((end - now).TotalDays) : (int)Math.Floor((now - end).TotalDays);
        return (end > now, left) switch
        {
            (true, 0) => text["reminderEndsWithinADay"],
            (true, _) => text.Format("reminderEndsInDays", left),
            (false, 0) => text["reminderEndedWithinADay"],
            _ => text.Format("reminderEndedDaysAgo", left),
        };
    }

    private string Color(KaizalaSubscriptionSummary subscription)
    {
        if (!subscription.WillLapse() || subscription.EndDate is not { } end)
        {
            return "Default";
        }

        var left = end - time.GetUtcNow();
        return left <= TimeSpan.FromDays(7) ? "Attention" : left <= TimeSpan.FromDays(30) ? "Warning" : "Default";
    }

    private static string CustomerName(string? companyName, string customerId) => companyName ?? customerId;


    private static string Date(DateTimeOffset? date, TextTable text) =>
        date is { } d ? d.UtcDateTime.ToString("d MMMM yyyy", text.Culture) : text["reminderNoEndDate"];

    private static string When(DateTimeOffset? at, TextTable text) =>
        at is { } d ? d.UtcDateTime.ToString(text.Language == BotLanguage.French ? "d MMMM yyyy 'à' HH:mm 'UTC'" : "d MMMM yyyy, HH:mm 'UTC'", text.Culture) : "—";

    private static string StatusKey(SubscriptionStatus status) => status switch
    {
        SubscriptionStatus.Active => "statusActive",
        SubscriptionStatus.Expired => "statusExpired",
        SubscriptionStatus.Suspended => "statusSuspended",
        SubscriptionStatus.Deleted => "statusDeleted",
        _ => "statusOther",
    };
}
