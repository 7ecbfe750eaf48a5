using KaizalaBot.BotFramework.Builder;
using KaizalaBot.Storage;

namespace KaizalaBot.BotFramework.State;

/// <summary>State of one user across conversations, key <c>{channelId}/users/{fromId}</c>.</summary>
public sealed class UserState(IStorage storage) : BotState(storage, nameof(UserState))
{
    protected internal override string GetStorageKey(ITurnContext turnContext)
    {
        ArgumentNullException.ThrowIfNull(turnContext);

        var channelId = turnContext.Activity.ChannelId;
        var userId = turnContext.Activity.From?.Id;
        return string.IsNullOrEmpty(channelId) || string.IsNullOrEmpty(userId)
            ? throw new InvalidOperationException("UserState needs the activity's channelId and from.id.")
            : $"{channelId}/users/{userId}";
    }
}
