using System.Globalization;
using KaizalaBot.BotFramework.Connector;
using KaizalaBot.BotFramework.Schema;

namespace KaizalaBot.BotFramework.Testing;

/// <summary>
/// A connector that records what the bot sends instead of calling a channel. Sent activities get ids
/// <c>activity-1</c>, <c>activity-2</c>… and are recorded with them, so a test can click a card it received.
/// </summary>
public sealed class TestConnectorClient : IConnectorClient
{
    private readonly List<Activity> _replies = [];
    private readonly List<string> _deleted = [];
    private readonly List<ConversationParameters> _created = [];
    private readonly Lock _gate = new();
    private int _nextId;

    /// <summary>Every message-like activity the bot sent or updated, in order (updates carry the id they replace).</summary>
    public IReadOnlyList<Activity> Replies
    {
        get
        {
            lock (_gate)
            {
                return [.. _replies];
            }
        }
    }

    /// <summary>Typing indicators sent (kept out of <see cref="Replies"/>, as a user would not read them).</summary>
    public int TypingCount { get; private set; }

    public IReadOnlyList<string> Deleted
    {
        get
        {
            lock (_gate)
            {
                return [.. _deleted];
            }
        }
    }

    public Task<ResourceResponse> SendToConversationAsync(Activity activity, CancellationToken cancellationToken) =>
        Task.FromResult(Record(activity, null));

    public Task<ResourceResponse> ReplyToActivityAsync(Activity activity, CancellationToken cancellationToken) =>
        Task.FromResult(Record(activity, null));

    public Task<ResourceResponse> UpdateActivityAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);

        return Task.FromResult(Record(activity, activity.Id ?? throw new ArgumentException("An update needs the activity id.", nameof(activity))));
    }

    public Task DeleteActivityAsync(string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _deleted.Add(activityId);
        }

        return Task.CompletedTask;
    }

    /// <summary>Conversations created, in order; each gets the id <c>created-conversation-{n}</c>.</summary>
    public IReadOnlyList<ConversationParameters> CreatedConversations
    {
        get
        {
            lock (_gate)
            {
                return [.. _created];
            }
        }
    }

    public Task<ConversationResourceResponse> CreateConversationAsync(
        string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);

        lock (_gate)
        {
            _created.Add(parameters);
            var id = "created-conversation-" + _created.Count.ToString(CultureInfo.InvariantCulture);
            var activityId = parameters.Activity is { } first ? Record(first with { Conversation = new ConversationAccount { Id = id } }, null).Id : null;
            return Task.FromResult(new ConversationResourceResponse { Id = id, ActivityId = activityId, ServiceUrl = serviceUrl });
        }
    }

    private ResourceResponse Record(Activity activity, string? updatedId)
    {
        ArgumentNullException.ThrowIfNull(activity);

        lock (_gate)
        {
            var id = updatedId ?? "activity-" + (++_nextId).ToString(CultureInfo.InvariantCulture);
            if (activity.Type == ActivityTypes.Typing)
            {
                TypingCount++;
            }
            else
            {
                _replies.Add(activity with { Id = id });
            }

            return new ResourceResponse(id);
        }
    }
}
