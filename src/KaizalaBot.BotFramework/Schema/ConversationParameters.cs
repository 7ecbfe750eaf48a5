using System.Text.Json;

namespace KaizalaBot.BotFramework.Schema;

/// <summary>The body of <c>POST /v3/conversations</c> (Teams 1:1 proactive needs <see cref="TenantId"/>).</summary>
public sealed record ConversationParameters
{
    public bool? IsGroup { get; init; }

    public ChannelAccount? Bot { get; init; }

    public IReadOnlyList<ChannelAccount>? Members { get; init; }

    public string? TopicName { get; init; }

    public string? TenantId { get; init; }

    public Activity? Activity { get; init; }

    public JsonElement? ChannelData { get; init; }
}
