namespace KaizalaBot.Migration.Reminders;

/// <summary>Who can be reminded: implemented by the host from its stored conversation references and opt-outs.</summary>
public interface IReminderRecipients
{
    /// <summary>The configured team channel, when the bot is installed there and its reminders are on; else null.</summary>
    Task<ReminderRecipient?> GetChannelAsync(CancellationToken cancellationToken);

    /// <summary>Every seller of the partner's tenant with the bot in their personal scope and reminders on.</summary>
    IAsyncEnumerable<ReminderRecipient> GetSellersAsync(CancellationToken cancellationToken);

    /// <summary>That seller, when reachable with reminders on; else null.</summary>
    Task<ReminderRecipient?> FindSellerAsync(string tenantId, string aadObjectId, CancellationToken cancellationToken);

    /// <summary>Teams said the bot can no longer write to them (403): drop the stored conversation reference.</summary>
    Task ForgetAsync(ReminderRecipient recipient, CancellationToken cancellationToken);
}
