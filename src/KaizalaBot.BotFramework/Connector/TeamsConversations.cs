using System.Text.Json;
using KaizalaBot.BotFramework.Schema;

namespace KaizalaBot.BotFramework.Connector;

/// <summary>Builds the <c>POST /v3/conversations</c> bodies Teams expects.</summary>
public static class TeamsConversations
{
    /// <summary>
    /// A 1:1 chat with a user who installed the app (reference §5.2): <c>isGroup:false</c>, the bot, the single
    /// member, and the tenant both as <c>tenantId</c> and as <c>channelData.tenant.id</c>; Teams answers with the
    /// existing personal conversation id.
    /// </summary>
    public static ConversationParameters PersonalChat(ChannelAccount bot, ChannelAccount user, string tenantId)
    {
        ArgumentNullException.ThrowIfNull(bot);
        ArgumentNullException.ThrowIfNull(user);
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ArgumentException.ThrowIfNullOrWhiteSpace(user.Id);

        var channelData = new TeamsChannelData { Tenant = new TenantInfo(tenantId) };
        return new ConversationParameters
        {
            IsGroup = false,
            Bot = bot,
            Members = [user],
            TenantId = tenantId,
            ChannelData = JsonSerializer.SerializeToElement(channelData, BotJson.Options),
        };
    }
}
