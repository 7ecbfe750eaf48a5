namespace KaizalaBot.Migration.Reminders;

/// <summary>
/// Someone reminders can reach: a seller (by Entra object id) or the team channel (by conversation id). The host knows
/// how to reach them (their conversation reference); the engine only needs who they are.
/// </summary>
public sealed record ReminderRecipient
{
    public required ReminderRecipientKind Kind { get; init; }

    public required string TenantId { get; init; }

    /// <summary>The seller's Entra object id; null for the channel.</summary>
    public string? AadObjectId { get; init; }

    /// <summary>The channel's conversation id; null for a seller.</summary>
    public string? ConversationId { get; init; }

    public string? DisplayName { get; init; }

    /// <summary>The recipient's last known locale (French or English cards).</summary>
    public string? Locale { get; init; }

    /// <summary>Stable storage key of the recipient.</summary>
    public string Key => Kind == ReminderRecipientKind.Seller ? SellerKey(AadObjectId!) : ChannelKey(ConversationId!);

    public static string SellerKey(string aadObjectId) => "seller-" + aadObjectId.ToLowerInvariant();

    public static string ChannelKey(string conversationId) => "channel-" + conversationId;
}
