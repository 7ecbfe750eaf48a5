using System.Text.Json;
using System.Text.Json.Serialization;

namespace KaizalaBot.BotFramework.Schema;

/// <summary>Teams' <c>channelData</c>: tenant, team, channel and the conversationUpdate event type.</summary>
public sealed record TeamsChannelData
{
    public TenantInfo? Tenant { get; init; }

    public TeamInfo? Team { get; init; }

    public ChannelInfo? Channel { get; init; }

    /// <summary><c>teamMemberAdded</c>, <c>channelCreated</c>, … on conversationUpdate.</summary>
    public string? EventType { get; init; }

    public JsonElement? Settings { get; init; }

    public NotificationInfo? Notification { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Properties { get; init; }
}
