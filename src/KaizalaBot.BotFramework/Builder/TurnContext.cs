using System.Text.Json;
using KaizalaBot.BotFramework.Connector;
using KaizalaBot.BotFramework.Schema;

namespace KaizalaBot.BotFramework.Builder;

/// <summary>
/// The SDK's <c>TurnContext</c>. In buffered mode (every inbound turn run by <see cref="CloudAdapter"/>) sends,
/// updates and deletes are queued and only performed by <see cref="FlushAsync"/> once the turn's state is saved:
/// a turn re-run after a storage conflict then never shows the user its first attempt twice. The price: a
/// buffered send returns no activity id, and a long turn shows its messages at the end (the typing indicator is
/// never buffered). Proactive turns run by the adapter are buffered too; their connector answers (ids) come back in
/// <see cref="ProactiveTurnResult.Responses"/>.
/// </summary>
public sealed class TurnContext : ITurnContext
{
    /// <summary>Turn-state key of the invoke answer, the SDK's <c>BotFrameworkAdapter.InvokeResponseKey</c>.</summary>
    public const string InvokeResponseKey = "BotFrameworkAdapter.InvokeResponse";

    private readonly IConnectorClient _connector;
    private readonly bool _buffered;
    private readonly List<SendActivitiesHandler> _sendHandlers = [];
    private readonly List<Func<CancellationToken, Task<ResourceResponse?>>> _outbox = [];
    private readonly ConversationReference _reference;

    public TurnContext(Activity activity, IConnectorClient connector, bool buffered)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(connector);

        Activity = activity;
        _connector = connector;
        _buffered = buffered;
        _reference = activity.GetConversationReference();
    }

    public Activity Activity { get; }

    public IDictionary<string, object> TurnState { get; } = new Dictionary<string, object>(StringComparer.Ordinal);

    public bool Responded { get; private set; }

    public InvokeResponse? InvokeResponse =>
        TurnState.TryGetValue(InvokeResponseKey, out var value) ? (InvokeResponse)value : null;

    public async Task<ResourceResponse> SendActivityAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);

        var responses = await SendActivitiesAsync([activity], cancellationToken);
        return responses.Count > 0 ? responses[0] : new ResourceResponse(null);
    }

    public Task<IReadOnlyList<ResourceResponse>> SendActivitiesAsync(
        IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activities);

        var prepared = activities.Select(a => a.ApplyConversationReference(_reference) with { Id = null }).ToList();
        return RunHandlersAsync(prepared, 0, cancellationToken);
    }

    public Task<ResourceResponse> UpdateActivityAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentException.ThrowIfNullOrEmpty(activity.Id, nameof(activity));

        // An update replaces a message in place; it is not a reply to anything.
        var prepared = activity.ApplyConversationReference(_reference with { ActivityId = null });
        Responded = true;
        if (_buffered)
        {
            _outbox.Add(async ct => await _connector.UpdateActivityAsync(prepared, ct));
            return Task.FromResult(new ResourceResponse(activity.Id));
        }

        return _connector.UpdateActivityAsync(prepared, cancellationToken);
    }

    public Task DeleteActivityAsync(string activityId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(activityId);

        var serviceUrl = Activity.ServiceUrl
            ?? throw new InvalidOperationException("The activity has no serviceUrl to delete through.");
        var conversationId = Activity.Conversation?.Id
            ?? throw new InvalidOperationException("The activity has no conversation to delete from.");
        if (_buffered)
        {
            _outbox.Add(async ct =>
            {
                await _connector.DeleteActivityAsync(serviceUrl, conversationId, activityId, ct);
                return null;
            });
            return Task.CompletedTask;
        }

        return _connector.DeleteActivityAsync(serviceUrl, conversationId, activityId, cancellationToken);
    }

    public Task SendTypingAsync(CancellationToken cancellationToken)
    {
        var typing = new Activity { Type = ActivityTypes.Typing }.ApplyConversationReference(_reference with { ActivityId = null });
        return _connector.SendToConversationAsync(typing, cancellationToken);
    }

    public void SetInvokeResponse(InvokeResponse invokeResponse)
    {
        ArgumentNullException.ThrowIfNull(invokeResponse);

        TurnState[InvokeResponseKey] = invokeResponse;
        Responded = true;
    }

    public ITurnContext OnSendActivities(SendActivitiesHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);

        _sendHandlers.Add(handler);
        return this;
    }

    /// <summary>
    /// Performs the buffered operations in the order the turn made them; returns the connector's answers (none for
    /// a delete). Stops at the first failure, which it throws.
    /// </summary>
    internal async Task<IReadOnlyList<ResourceResponse>> FlushAsync(CancellationToken cancellationToken)
    {
        var pending = _outbox.ToList();
        _outbox.Clear();
        var responses = new List<ResourceResponse>(pending.Count);
        foreach (var operation in pending)
        {
            if (await operation(cancellationToken) is { } response)
            {
                responses.Add(response);
            }
        }

        return responses;
    }

    internal int PendingOperationCount => _outbox.Count;

    private Task<IReadOnlyList<ResourceResponse>> RunHandlersAsync(
        List<Activity> activities, int index, CancellationToken cancellationToken)
    {
        if (index == _sendHandlers.Count)
        {
            return SendCoreAsync(activities, cancellationToken);
        }

        return _sendHandlers[index](this, activities, () => RunHandlersAsync(activities, index + 1, cancellationToken));
    }

    private async Task<IReadOnlyList<ResourceResponse>> SendCoreAsync(List<Activity> activities, CancellationToken cancellationToken)
    {
        var responses = new List<ResourceResponse>(activities.Count);
        foreach (var activity in activities)
        {
            responses.Add(await SendOneAsync(activity, cancellationToken));
        }

        return responses;
    }

    private async Task<ResourceResponse> SendOneAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (activity.Type == ActivityTypes.InvokeResponse)
        {
            // The SDK's way of answering an invoke: an invokeResponse pseudo-activity whose value is the answer.
            var answer = activity.Value?.Deserialize<InvokeResponse>(BotJson.Options)
                ?? throw new ArgumentException("An invokeResponse activity needs an InvokeResponse value.", nameof(activity));
            SetInvokeResponse(answer);
            return new ResourceResponse(null);
        }

        // Trace activities are for the Emulator only (bbdn CloudAdapterBase.SendActivitiesAsync).
        if (activity.Type == ActivityTypes.Trace && activity.ChannelId != Channels.Emulator)
        {
            return new ResourceResponse(null);
        }

        if (activity.Type != ActivityTypes.Trace)
        {
            Responded = true;
        }

        if (_buffered)
        {
            _outbox.Add(async ct => await DeliverAsync(activity, ct));
            return new ResourceResponse(null);
        }

        return await DeliverAsync(activity, cancellationToken);
    }

    // An incoming id of blanks names no activity to reply to (the connector refuses it): the answer goes to the conversation.
    private Task<ResourceResponse> DeliverAsync(Activity activity, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(activity.ReplyToId)
            ? _connector.SendToConversationAsync(activity, cancellationToken)
            : _connector.ReplyToActivityAsync(activity, cancellationToken);
}
