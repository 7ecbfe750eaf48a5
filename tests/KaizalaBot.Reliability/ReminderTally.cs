using System.Text.Json.Nodes;

namespace KaizalaBot.Reliability;

/// <summary>
/// Each (subscription, lead time, recipient) reminder counted where the seller sees it — the Bot Connector's 2xx answers
/// — and where the bot records it — the ledger. A digest is a header message (<c>POST …/activities</c>) that the digest
/// card then replaces (<c>PUT …/activities/{id}</c>); a reminder is shown once when exactly one message of the
/// recipient's chat was updated to a card naming its subscription.
/// </summary>
/// <param name="Expected">Due reminders times recipients.</param>
/// <param name="ShownOnce">Reminders shown in exactly one message.</param>
/// <param name="Missing">Reminders no message showed.</param>
/// <param name="ShownTwice">Reminders shown in two messages or more (a duplicate the seller sees).</param>
/// <param name="RepeatedUpdates">Updates of a digest message beyond the first (harmless: the same message, drawn again).</param>
/// <param name="HeadersWithoutDigest">Header messages never replaced by their digest (a stray "reminders" line in the chat).</param>
/// <param name="LedgerMatching">Ledger entries of a due (subscription, occasion) for a recipient: must equal <paramref name="Expected"/>.</param>
/// <param name="LedgerUnexpected">Ledger entries of anything not due.</param>
public sealed record ReminderTally(
    int Expected, int ShownOnce, int Missing, int ShownTwice, int RepeatedUpdates, int HeadersWithoutDigest, int LedgerMatching, int LedgerUnexpected)
{
    public bool Clean => Expected > 0 && ShownOnce == Expected && Missing == 0 && ShownTwice == 0 && HeadersWithoutDigest == 0
        && LedgerMatching == Expected && LedgerUnexpected == 0;

    /// <param name="exchanges">Everything the connector was asked.</param>
    /// <param name="conversations">The recipients' chats, one per recipient.</param>
    /// <param name="due">What the world makes due.</param>
    /// <param name="headerTexts">The header's text in every language.</param>
    /// <param name="ledger">The ledger's entries, each <c>{recipient}/{subscription}/{occasion}</c>.</param>
    public static ReminderTally Count(
        IReadOnlyList<ChatExchange> exchanges, IReadOnlyList<string> conversations, IReadOnlyList<DueReminder> due,
        IReadOnlyList<string> headerTexts, IReadOnlyList<string> ledger)
    {
        var (shownOnce, missing, shownTwice, repeated, strays) = (0, 0, 0, 0, 0);
        foreach (var conversation in conversations)
        {
            var activities = $"/v3/conversations/{conversation}/activities";
            var headers = exchanges
                .Where(e => e is { Method: "POST", Status: >= 200 and < 300, AnsweredId: not null } && e.Path.EndsWith(activities, StringComparison.Ordinal)
                    && headerTexts.Contains(CardJson.Text(JsonNode.Parse(e.Body)?["text"])))
                .Select(e => e.AnsweredId!)
                .ToHashSet(StringComparer.Ordinal);
            var digests = exchanges
                .Where(e => e is { Method: "PUT", Status: >= 200 and < 300 } && e.Path.Contains(activities + "/", StringComparison.Ordinal))
                .Select(e => (Message: e.Path[(e.Path.LastIndexOf('/') + 1)..], e.Body))
                .Where(d => headers.Contains(d.Message))
                .ToList();
            repeated += digests.Count - digests.Select(d => d.Message).Distinct(StringComparer.Ordinal).Count();
            strays += headers.Count(h => !digests.Any(d => d.Message == h));
            foreach (var reminder in due)
            {
                var messages = digests.Where(d => d.Body.Contains(reminder.SubscriptionId, StringComparison.OrdinalIgnoreCase)).Select(d => d.Message).Distinct(StringComparer.Ordinal).Count();
                (shownOnce, missing, shownTwice) = messages switch
                {
                    0 => (shownOnce, missing + 1, shownTwice),
                    1 => (shownOnce + 1, missing, shownTwice),
                    _ => (shownOnce, missing, shownTwice + 1),
                };
            }
        }

        var dueKeys = due.Select(d => $"{d.SubscriptionId.ToLowerInvariant()}/{d.Occasion}").ToHashSet(StringComparer.Ordinal);
        // A ledger key is {recipient}/{subscription}/{occasion}; the recipient's part may itself hold slashes.
        var entries = ledger.Select(k => k.Split('/')).Where(p => p.Length >= 3).Select(p => $"{p[^2]}/{p[^1]}").ToList();
        var matching = entries.Count(dueKeys.Contains);
        return new ReminderTally(
            due.Count * conversations.Count, shownOnce, missing, shownTwice, repeated, strays, matching, entries.Count - matching);
    }

    public override string ToString() => FormattableString.Invariant(
        $"reminders  {Expected} due (subscription, lead time, recipient): shown once {ShownOnce}, missing {Missing}, shown in two messages {ShownTwice}, stray headers {HeadersWithoutDigest}, digests redrawn {RepeatedUpdates}; ledger {LedgerMatching} of {Expected}, unexpected {LedgerUnexpected}");
}
