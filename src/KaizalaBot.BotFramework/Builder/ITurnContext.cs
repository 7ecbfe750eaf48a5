using KaizalaBot.BotFramework.Schema;

namespace KaizalaBot.BotFramework.Builder;

/// <summary>One turn of a conversation: the inbound activity and the ways to answer it.</summary>
public interface ITurnContext
{
    Activity Activity { get; }

    /// <summary>Per-turn scratch values (state caches, hooks); discarded when the turn ends.</summary>
    IDictionary<string, object> TurnState { get; }

    /// <summary>True once the turn sent anything other than a trace or typing activity (or set an invoke response).</summary>
    bool Responded { get; }

    /// <summary>The answer an invoke turn returns in its HTTP response, once set.</summary>
    InvokeResponse? InvokeResponse { get; }

    /// <summary>
    /// Sends one activity. During an inbound turn the send is buffered until conversation state is saved, so the
    /// returned <see cref="ResourceResponse.Id"/> is <c>null</c> then (see <see cref="TurnContext"/>).
    /// </summary>
    Task<ResourceResponse> SendActivityAsync(Activity activity, CancellationToken cancellationToken);

    Task<IReadOnlyList<ResourceResponse>> SendActivitiesAsync(IReadOnlyList<Activity> activities, CancellationToken cancellationToken);

    /// <summary>Replaces the message whose id is <c>activity.Id</c> (e.g. a card after the user acted on it).</summary>
    Task<ResourceResponse> UpdateActivityAsync(Activity activity, CancellationToken cancellationToken);

    Task DeleteActivityAsync(string activityId, CancellationToken cancellationToken);

    /// <summary>Sends a typing indicator at once (never buffered: it is meant to show while the turn works).</summary>
    Task SendTypingAsync(CancellationToken cancellationToken);

    /// <summary>Sets the invoke answer; the last one set wins.</summary>
    void SetInvokeResponse(InvokeResponse invokeResponse);

    /// <summary>Registers a hook run on every later send of this turn, in registration order.</summary>
    ITurnContext OnSendActivities(SendActivitiesHandler handler);
}
