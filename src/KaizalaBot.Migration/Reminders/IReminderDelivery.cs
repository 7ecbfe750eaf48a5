namespace KaizalaBot.Migration.Reminders;

/// <summary>
/// Puts a digest in front of a recipient, in two idempotent-friendly steps (implemented by the host through the bot's
/// proactive turns and Teams' rate limits): <see cref="PostAsync"/> posts a short header message and returns its id;
/// <see cref="ShowAsync"/> replaces that message with the digest card, which may be repeated safely. A crash or an
/// unanswered call between the two can at worst leave a second header, never a second digest.
/// </summary>
public interface IReminderDelivery
{
    Task<DeliveryOutcome> PostAsync(ReminderRecipient recipient, ReminderDigest digest, CancellationToken cancellationToken);

    Task<DeliveryOutcome> ShowAsync(ReminderRecipient recipient, string activityId, ReminderDigest digest, CancellationToken cancellationToken);
}
