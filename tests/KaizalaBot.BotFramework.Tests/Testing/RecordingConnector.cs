using System.Globalization;
using KaizalaBot.BotFramework.Connector;
using KaizalaBot.BotFramework.Schema;

namespace KaizalaBot.BotFramework.Tests.Testing;

/// <summary>Records every connector call by operation name; <see cref="OnCall"/> lets a test look around at that moment.</summary>
internal sealed class RecordingConnector : IConnectorClient
{
    private int _nextId;

    public List<(string Operation, Activity? Activity, string? ActivityId)> Calls { get; } = [];

    public Action<string>? OnCall { get; set; }

    public Exception? FailWith { get; set; }

    public Task<ResourceResponse> SendToConversationAsync(Activity activity, CancellationToken cancellationToken) =>
        Record("SendToConversation", activity, null, cancellationToken);

    public Task<ResourceResponse> ReplyToActivityAsync(Activity activity, CancellationToken cancellationToken) =>
        Record("ReplyToActivity", activity, null, cancellationToken);

    public Task<ResourceResponse> UpdateActivityAsync(Activity activity, CancellationToken cancellationToken) =>
        Record("UpdateActivity", activity, activity.Id, cancellationToken);

    public async Task DeleteActivityAsync(string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken) =>
        await Record("DeleteActivity", null, activityId, cancellationToken);

    public Task<ConversationResourceResponse> CreateConversationAsync(
        string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    // Like a real connector call, a cancelled token means nothing reaches the channel.
    private Task<ResourceResponse> Record(string operation, Activity? activity, string? activityId, CancellationToken cancellationToken)
    {
        OnCall?.Invoke(operation);
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<ResourceResponse>(cancellationToken);
        }

        if (FailWith is { } failure)
        {
            return Task.FromException<ResourceResponse>(failure);
        }

        lock (Calls)
        {
            Calls.Add((operation, activity, activityId));
            return Task.FromResult(new ResourceResponse(activityId ?? "sent-" + (++_nextId).ToString(CultureInfo.InvariantCulture)));
        }
    }
}
