using KaizalaBot.BotFramework.Schema;
using KaizalaBot.Migration.Jobs;
using KaizalaBot.Migration.Reminders;
using KaizalaBot.Proactive;

namespace KaizalaBot.Bot.Reminders;

/// <summary>Who clicked a reminder button, and whose reminders the card belongs to (the seller's chat, or the channel).</summary>
internal static class ReminderTurn
{
    /// <summary>The recipient whose card this is: the channel in a channel or group chat, else the seller.</summary>
    public static string? RecipientKey(Activity activity)
    {
        var conversation = activity.Conversation;
        if (conversation?.ConversationType is "channel" or "groupChat" || conversation?.IsGroup == true)
        {
            return conversation.Id is { } id ? ReminderRecipient.ChannelKey(InstallationStore.WithoutThread(id)) : null;
        }

        var seller = activity.From?.AadObjectId ?? activity.From?.Id;
        return seller is null ? null : ReminderRecipient.SellerKey(seller);
    }

    /// <summary>The Teams user who clicked, as the engine knows sellers; null without a tenant or Entra object id.</summary>
    public static SellerIdentity? Seller(Activity activity) =>
        InstallationStore.TenantOf(activity) is { } tenant && activity.From?.AadObjectId is { } user
            ? new SellerIdentity(tenant, user, activity.From.Name ?? user)
            : null;
}
