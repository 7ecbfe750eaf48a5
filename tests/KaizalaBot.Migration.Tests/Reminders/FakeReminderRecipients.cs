using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using KaizalaBot.Migration.Reminders;

namespace KaizalaBot.Migration.Tests.Reminders;

/// <summary>
/// The host's side of "who can be reminded", in memory: sellers with their reminders on or off, an optional channel, and
/// what was forgotten after Teams said a conversation is gone.
/// </summary>
internal sealed class FakeReminderRecipients : IReminderRecipients
{
    private readonly ConcurrentDictionary<string, (ReminderRecipient Recipient, bool RemindersOn)> _sellers = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentQueue<string> _forgotten = new();

    public ReminderRecipient? Channel { get; set; }

    public IReadOnlyCollection<string> Forgotten => _forgotten;

    public ReminderRecipient AddSeller(string tenantId, string aadObjectId, string name, string locale = "en-US")
    {
        var seller = new ReminderRecipient
        {
            Kind = ReminderRecipientKind.Seller, TenantId = tenantId, AadObjectId = aadObjectId, DisplayName = name, Locale = locale,
        };
        _sellers[aadObjectId] = (seller, true);
        return seller;
    }

    public void SetReminders(string aadObjectId, bool on) => _sellers[aadObjectId] = (_sellers[aadObjectId].Recipient, on);

    public Task<ReminderRecipient?> GetChannelAsync(CancellationToken cancellationToken) => Task.FromResult(Channel);

    public async IAsyncEnumerable<ReminderRecipient> GetSellersAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        foreach (var (recipient, on) in _sellers.Values.OrderBy(s => s.Recipient.AadObjectId, StringComparer.Ordinal))
        {
            if (on)
            {
                yield return recipient;
            }
        }
    }

    public Task<ReminderRecipient?> FindSellerAsync(string tenantId, string aadObjectId, CancellationToken cancellationToken) =>
        Task.FromResult(_sellers.TryGetValue(aadObjectId, out var seller) && seller.RemindersOn ? seller.Recipient : null);

    public Task ForgetAsync(ReminderRecipient recipient, CancellationToken cancellationToken)
    {
        _forgotten.Enqueue(recipient.Key);
        if (recipient.AadObjectId is { } id)
        {
            _sellers.TryRemove(id, out _);
        }
        else if (Channel?.Key == recipient.Key)
        {
            Channel = null;
        }

        return Task.CompletedTask;
    }
}
