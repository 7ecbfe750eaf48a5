using KaizalaBot.BotFramework.Schema;

namespace KaizalaBot.BotFramework.Connector;

/// <summary>
/// The Bot Connector REST API v3 for the calls this bot makes. The target host is the activity's
/// <c>serviceUrl</c>; the bearer token is attached only when that host is allowed.
/// </summary>
public interface IConnectorClient
{
    /// <summary><c>POST /v3/conversations/{conversation.id}/activities</c>.</summary>
    Task<ResourceResponse> SendToConversationAsync(Activity activity, CancellationToken cancellationToken);

    /// <summary><c>POST /v3/conversations/{conversation.id}/activities/{replyToId}</c>.</summary>
    Task<ResourceResponse> ReplyToActivityAsync(Activity activity, CancellationToken cancellationToken);

    /// <summary><c>PUT /v3/conversations/{conversation.id}/activities/{id}</c>: replaces a message in place.</summary>
    Task<ResourceResponse> UpdateActivityAsync(Activity activity, CancellationToken cancellationToken);

    /// <summary><c>DELETE /v3/conversations/{conversationId}/activities/{activityId}</c>.</summary>
    Task DeleteActivityAsync(string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken);

    /// <summary><c>POST /v3/conversations</c>: for a Teams 1:1 proactive message, pass the member and tenant id.</summary>
    Task<ConversationResourceResponse> CreateConversationAsync(
        string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken);
}
