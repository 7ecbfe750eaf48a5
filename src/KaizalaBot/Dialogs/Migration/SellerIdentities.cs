using System.Text.Json;
using KaizalaBot.BotFramework.Schema;
using KaizalaBot.Migration.Jobs;

namespace KaizalaBot.Dialogs.Migration;

/// <summary>The Teams user behind an activity, as the engine knows sellers: tenant, Entra object id, name.</summary>
internal static class SellerIdentities
{
    /// <summary>Null when the activity does not say who sent it or from which tenant (then nobody is entitled).</summary>
    public static SellerIdentity? From(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var tenant = activity.Conversation?.TenantId is { Length: > 0 } fromConversation
            ? fromConversation
            : activity.ChannelData is { ValueKind: JsonValueKind.Object } data ? data.Deserialize<TeamsChannelData>(BotJson.Options)?.Tenant?.Id : null;
        return tenant is { Length: > 0 } && activity.From?.AadObjectId is { Length: > 0 } aad
            ? new SellerIdentity(tenant, aad, activity.From.Name ?? aad)
            : null;
    }
}
