using System.Diagnostics;
using KaizalaBot.Migration.Reminders;

namespace KaizalaBot.Reliability;

/// <summary>
/// The sellers of a fault run who get reminders: each installs the bot in their personal chat (at a faulting connector
/// of its own) through <c>/api/messages</c>; then reminder scans are asked for through <c>/_dev/reminders/scan</c> until
/// the bot has nothing left to send and its ledger holds every due reminder (at least <see cref="MinScans"/> scans, so
/// that later scans meet digests half sent), and the reminders are counted from what the connector carried out.
/// </summary>
internal sealed class ReminderChats(FaultingChatConnector connector, IReadOnlyList<SoakSeller> sellers) : IDisposable
{
    private const int MinScans = 3;
    private static readonly TimeSpan ScanEvery = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan SettleLimit = TimeSpan.FromMinutes(6);

    public async Task<ReminderCounts> RunAsync(HttpClient bot, ReminderStore store, DueReminders due, CancellationToken cancellationToken)
    {
        // One after the other, so that the connector meets the conversations in the same order on every run.
        foreach (var seller in sellers)
        {
            await seller.InstallAsync(cancellationToken);
        }

        var started = Stopwatch.GetTimestamp();
        for (var scans = 1; ; scans++)
        {
            using (var response = await bot.PostAsync("_dev/reminders/scan", content: null, cancellationToken))
            {
                response.EnsureSuccessStatusCode();
            }

            await Task.Delay(ScanEvery, cancellationToken);
            if ((scans >= MinScans && await SettledAsync(store, due, cancellationToken)) || Stopwatch.GetElapsedTime(started) > SettleLimit)
            {
                return Count(due);
            }
        }
    }

    public void Dispose()
    {
        foreach (var seller in sellers)
        {
            seller.Dispose();
        }
    }

    /// <summary>Nothing queued or in flight, and every seller's ledger holds every due reminder.</summary>
    private async Task<bool> SettledAsync(ReminderStore store, DueReminders due, CancellationToken cancellationToken)
    {
        await foreach (var _ in store.ListOutboxesAsync(cancellationToken))
        {
            return false;
        }

        foreach (var seller in sellers)
        {
            var sent = await store.ReadSentKeysAsync(ReminderRecipient.SellerKey(seller.AadObjectId), cancellationToken);
            if (due.Occasions.Any(d => !sent.Contains($"{d.Key.ToLowerInvariant()}/{d.Value}")))
            {
                return false;
            }
        }

        return true;
    }

    private ReminderCounts Count(DueReminders due)
    {
        var exchanges = connector.Exchanges;
        var (delivered, twice, missing, notDue, emptyHeaders) = (0, 0, 0, 0, 0);
        foreach (var seller in sellers)
        {
            var inChat = exchanges.Where(e => e.ConversationId == seller.ConversationId && e.CarriedOut).ToList();
            var digests = inChat.Where(e => e.IsUpdate).ToList();
            foreach (var subscription in due.Occasions.Keys)
            {
                // Each message it was shown in: an update repeated on the same message shows it there still once.
                var shownIn = digests.Where(d => d.Body.Contains(subscription, StringComparison.OrdinalIgnoreCase)).Select(d => d.TargetActivityId).Distinct().Count();
                delivered += shownIn > 0 ? 1 : 0;
                twice += shownIn > 1 ? 1 : 0;
                missing += shownIn == 0 ? 1 : 0;
            }

            notDue += due.Kaizala.Count(s => !due.Occasions.ContainsKey(s) && digests.Exists(d => d.Body.Contains(s, StringComparison.OrdinalIgnoreCase)));
            emptyHeaders += inChat.Count(h => h.IsNewMessage && !digests.Exists(d => d.TargetActivityId == h.AnsweredId));
        }

        return new ReminderCounts(
            due.Occasions.Count * sellers.Count, delivered, twice, missing, notDue, emptyHeaders, exchanges.Count(e => e.Status >= 400), exchanges.Count(e => e.AnswerLost));
    }
}
