using KaizalaBot.BotFramework.Builder;
using KaizalaBot.Storage;

namespace KaizalaBot.BotFramework.State;

/// <summary>State shared by everyone in a conversation, key <c>{channelId}/conversations/{conversationId}</c>.</summary>
public sealed class ConversationState(IStorage storage) : BotState(storage, nameof(ConversationState))
{
    protected internal override string GetStorageKey(ITurnContext turnContext)
    {
        ArgumentNullException.ThrowIfNull(turnContext);

        return GetKey(turnContext.Activity)
            ?? throw new InvalidOperationException("ConversationState needs the activity's channelId and conversation.id.");
    }

    internal static string? GetKey(Schema.Activity activity)
    {
        var channelId = activity.ChannelId;
        var conversationId = activity.Conversation?.Id;
        return string.IsNullOrEmpty(channelId) || string.IsNullOrEmpty(conversationId)
            ? null
            : $"{channelId}/conversations/{conversationId}";
    }
}
