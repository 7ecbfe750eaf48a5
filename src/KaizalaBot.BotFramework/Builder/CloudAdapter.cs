using KaizalaBot.BotFramework.Authentication;
using KaizalaBot.BotFramework.Connector;
using KaizalaBot.BotFramework.Integration;
using KaizalaBot.BotFramework.Schema;
using KaizalaBot.BotFramework.State;
using KaizalaBot.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KaizalaBot.BotFramework.Builder;

/// <summary>
/// The SDK's <c>CloudAdapter</c> (protocol ref. §8.1), minus HTTP (see <see cref="BotEndpointRouteBuilderExtensions"/>).
/// An inbound turn: authenticate, then — holding a per-conversation lock, so turns of one conversation never
/// overlap in this process — run the bot on a buffered <see cref="TurnContext"/>, save every registered
/// <see cref="BotState"/> under its ETag and only then send what the turn produced. A save that meets a change
/// made by another instance (<see cref="StorageConflictException"/>) discards the attempt's output and re-runs
/// the turn on freshly read state, up to <see cref="BotAdapterOptions.MaxTurnAttempts"/> times.
/// </summary>
/// <remarks>
/// Trade-offs: the bot's messages leave only after its state is saved (a long turn shows nothing until the end,
/// apart from typing indicators), buffered sends return no ids, and the bot's own side effects other than sends
/// (e.g. calls to other services) happen once per attempt, so a turn must keep those idempotent or out of the turn.
/// States are saved one after the other: if a later one conflicts after an earlier one was written, the re-run
/// sees the earlier write.
/// </remarks>
public sealed partial class CloudAdapter
{
    private readonly IChannelAuthenticator _authenticator;
    private readonly IConnectorClient _connector;
    private readonly IReadOnlyList<BotState> _states;
    private readonly BotAdapterOptions _options;
    private readonly ILogger<CloudAdapter> _logger;
    private readonly KeyedAsyncLock _conversationLocks = new();

    public CloudAdapter(
        IChannelAuthenticator authenticator,
        IConnectorClient connector,
        IEnumerable<BotState> states,
        IOptions<BotAdapterOptions> options,
        ILogger<CloudAdapter> logger)
    {
        ArgumentNullException.ThrowIfNull(authenticator);
        ArgumentNullException.ThrowIfNull(connector);
        ArgumentNullException.ThrowIfNull(states);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);

        _authenticator = authenticator;
        _connector = connector;
        _states = [.. states];
        _options = options.Value;
        _logger = logger;
    }

    /// <summary>
    /// Authenticates and runs one inbound activity. Returns the invoke answer for an invoke (501 when the bot set
    /// none, 500 when it failed), <c>null</c> otherwise. Throws <see cref="UnauthorizedAccessException"/> on
    /// failed authentication, before the bot sees anything.
    /// </summary>
    public async Task<InvokeResponse?> ProcessActivityAsync(
        string? authorizationHeader, Activity activity, IBot bot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(bot);

        await _authenticator.AuthenticateAsync(authorizationHeader, activity, cancellationToken);
        return await RunTurnAsync(activity, bot.OnTurnAsync, cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="callback"/> in a turn of the referenced conversation without an inbound request
    /// (reminders, progress cards). The turn is not buffered (sends return their ids) and saves no state by itself.
    /// </summary>
    public Task ContinueConversationAsync(
        ConversationReference reference, BotCallbackHandler callback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(callback);

        var turnContext = new TurnContext(reference.GetContinuationActivity(), _connector, buffered: false);
        return callback(turnContext, cancellationToken);
    }

    /// <summary>
    /// Creates a conversation (<c>POST /v3/conversations</c>, protocol ref. §5.2: for a Teams 1:1 chat pass the user
    /// as the only member and the tenant id) and runs <paramref name="callback"/> in a proactive turn of it, as the
    /// SDK does with an <c>event</c> named <c>CreateConversation</c>. Returns the new conversation's reference, to store.
    /// </summary>
    public async Task<ConversationReference> CreateConversationAsync(
        string channelId,
        string serviceUrl,
        ConversationParameters parameters,
        BotCallbackHandler callback,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(channelId);
        ArgumentException.ThrowIfNullOrEmpty(serviceUrl);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(callback);

        var created = await _connector.CreateConversationAsync(serviceUrl, parameters, cancellationToken);
        var reference = new ConversationReference
        {
            ChannelId = channelId,
            ServiceUrl = created.ServiceUrl ?? serviceUrl,
            Conversation = new ConversationAccount
            {
                Id = created.Id ?? throw new InvalidOperationException("The connector created a conversation without an id."),
                IsGroup = parameters.IsGroup,
                TenantId = parameters.TenantId,
            },
            Bot = parameters.Bot,
            User = parameters.Members is [var only] ? only : null,
        };
        var activity = reference.GetContinuationActivity() with { Name = "CreateConversation" };
        await callback(new TurnContext(activity, _connector, buffered: false), cancellationToken);
        return reference;
    }

    /// <summary>The turn loop of an already authenticated activity (also used by the test harness).</summary>
    internal async Task<InvokeResponse?> RunTurnAsync(Activity activity, BotCallbackHandler callback, CancellationToken cancellationToken)
    {
        var lockKey = ConversationState.GetKey(activity);
        using var conversationLock = lockKey is null ? null : await _conversationLocks.AcquireAsync(lockKey, cancellationToken);
        var isInvoke = activity.Type == ActivityTypes.Invoke;
        for (var attempt = 1; ; attempt++)
        {
            var turnContext = new TurnContext(activity, _connector, buffered: true);
            try
            {
                await callback(turnContext, cancellationToken);
                foreach (var state in _states)
                {
                    await state.SaveChangesAsync(turnContext, false, cancellationToken);
                }
            }
            catch (StorageConflictException ex) when (attempt < _options.MaxTurnAttempts)
            {
                LogTurnRetried(ex, activity.Type, lockKey, attempt);
                continue;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The turn boundary: whatever the bot threw, the channel gets a generic answer and no detail.
                LogTurnFailed(ex, activity.Type, lockKey, attempt);
                return await AnswerFailureAsync(activity, isInvoke, cancellationToken);
            }

            await FlushAsync(turnContext, activity, lockKey, cancellationToken);
            return isInvoke ? turnContext.InvokeResponse ?? new InvokeResponse(501, null) : null;
        }
    }

    private async Task FlushAsync(TurnContext turnContext, Activity activity, string? lockKey, CancellationToken cancellationToken)
    {
        try
        {
            await turnContext.FlushAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // State is already saved, so re-running the turn would apply it twice; the user sees what was sent so far.
            LogSendFailed(ex, activity.Type, lockKey);
        }
    }

    private async Task<InvokeResponse?> AnswerFailureAsync(Activity activity, bool isInvoke, CancellationToken cancellationToken)
    {
        if (isInvoke)
        {
            return new InvokeResponse(500, null);
        }

        var text = activity.Locale?.StartsWith("fr", StringComparison.OrdinalIgnoreCase) == true
            ? _options.ErrorMessageFr
            : _options.ErrorMessage;
        try
        {
            var turnContext = new TurnContext(activity, _connector, buffered: false);
            await turnContext.SendActivityAsync(MessageFactory.Text(text), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The apology is best effort: the channel may be what failed; the original error is already logged.
            LogSendFailed(ex, activity.Type, ConversationState.GetKey(activity));
        }

        return null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Turn of {ActivityType} in {Conversation} met a concurrent state change on attempt {Attempt}; running it again")]
    private partial void LogTurnRetried(Exception exception, string activityType, string? conversation, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Turn of {ActivityType} in {Conversation} failed on attempt {Attempt}")]
    private partial void LogTurnFailed(Exception exception, string activityType, string? conversation, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sending the answer to {ActivityType} in {Conversation} failed")]
    private partial void LogSendFailed(Exception exception, string activityType, string? conversation);
}
