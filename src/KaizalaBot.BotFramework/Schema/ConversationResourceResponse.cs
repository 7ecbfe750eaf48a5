namespace KaizalaBot.BotFramework.Schema;

/// <summary>The answer to CreateConversation: the conversation id, and the first activity's id if one was sent.</summary>
public sealed record ConversationResourceResponse
{
    public string? Id { get; init; }

    public string? ActivityId { get; init; }

    public string? ServiceUrl { get; init; }
}
