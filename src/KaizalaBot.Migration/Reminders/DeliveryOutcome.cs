namespace KaizalaBot.Migration.Reminders;

/// <summary>The answer of <see cref="IReminderDelivery"/>: what happened, the message id, and when to come back.</summary>
public sealed record DeliveryOutcome(DeliveryOutcomeKind Kind, string? ActivityId = null, TimeSpan? RetryAfter = null, string? Reason = null)
{
    public static DeliveryOutcome Delivered(string activityId) => new(DeliveryOutcomeKind.Delivered, activityId);
}
