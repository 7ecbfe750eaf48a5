namespace KaizalaBot.Migration.Reminders;

/// <summary>How a delivery attempt to Teams ended, as far as the reminders need to know.</summary>
public enum DeliveryOutcomeKind
{
    /// <summary>Teams took it (the answer carries the message id).</summary>
    Delivered,

    /// <summary>Teams' rate limits: try again after <see cref="DeliveryOutcome.RetryAfter"/>; never a reason to give up.</summary>
    Throttled,

    /// <summary>A failure that may pass (5xx, timeout, network): back off and try again, for a while.</summary>
    Transient,

    /// <summary>The bot may not write there any more (uninstalled, blocked, not in the roster): forget the recipient.</summary>
    Gone,

    /// <summary>The message to fill in no longer exists (deleted): post a new one.</summary>
    MessageMissing,

    /// <summary>Teams refused it for good (bad request, too large): record it as undeliverable.</summary>
    Rejected,
}
