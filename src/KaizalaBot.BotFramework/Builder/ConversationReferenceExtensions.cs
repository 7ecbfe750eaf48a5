using KaizalaBot.BotFramework.Schema;

namespace KaizalaBot.BotFramework.Builder;

/// <summary>The SDK's <c>ActivityEx</c> conversation-reference helpers (bbdn <c>ActivityEx.cs</c>, protocol ref. §4.1, §5.1).</summary>
public static class ConversationReferenceExtensions
{
    /// <summary>What to store to reach this conversation later; <c>bot</c> is the inbound recipient, <c>user</c> the sender.</summary>
    public static ConversationReference GetConversationReference(this Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);

        // The SDK leaves the activity id out only for Direct Line/Web Chat conversationUpdates, whose ids the
        // channel never recorded as messages (bbdn ActivityEx.GetConversationReference).
        var skipActivityId = activity.Type == ActivityTypes.ConversationUpdate
            && (activity.ChannelId == Channels.Directline || activity.ChannelId == Channels.Webchat);
        return new ConversationReference
        {
            ActivityId = skipActivityId ? null : activity.Id,
            User = activity.From,
            Bot = activity.Recipient,
            Conversation = activity.Conversation,
            ChannelId = activity.ChannelId,
            Locale = activity.Locale,
            ServiceUrl = activity.ServiceUrl,
        };
    }

    /// <summary>
    /// Fills an outgoing activity from the reference: channel, service URL, conversation, <c>from</c> = bot,
    /// <c>recipient</c> = user; <c>locale</c> and <c>replyToId</c> only when the activity does not set them.
    /// </summary>
    public static Activity ApplyConversationReference(this Activity activity, ConversationReference reference)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(reference);

        return activity with
        {
            ChannelId = reference.ChannelId,
            ServiceUrl = reference.ServiceUrl,
            Conversation = reference.Conversation,
            From = reference.Bot,
            Recipient = reference.User,
            Locale = activity.Locale ?? reference.Locale,
            ReplyToId = activity.ReplyToId ?? reference.ActivityId,
        };
    }

    /// <summary>
    /// The inbound activity of a proactive turn: an <c>event</c> named <c>ContinueConversation</c> from the user to
    /// the bot. Unlike the SDK it reuses the reference's activity id (usually none) instead of a fresh GUID, so
    /// replies go out as plain SendToConversation posts rather than replies to an id the channel never saw
    /// (protocol ref. §5.1 marks the SDK behaviour as undocumented).
    /// </summary>
    public static Activity GetContinuationActivity(this ConversationReference reference)
    {
        ArgumentNullException.ThrowIfNull(reference);

        return new Activity
        {
            Type = ActivityTypes.Event,
            Name = "ContinueConversation",
            Id = reference.ActivityId,
            ChannelId = reference.ChannelId,
            ServiceUrl = reference.ServiceUrl,
            Conversation = reference.Conversation,
            From = reference.User,
            Recipient = reference.Bot,
            Locale = reference.Locale,
            RelatesTo = reference,
        };
    }
}
