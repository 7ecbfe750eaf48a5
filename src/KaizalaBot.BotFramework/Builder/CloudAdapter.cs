using KaizalaBot.BotFramework.Authentication;
using KaizalaBot.BotFramework.Connector;
using KaizalaBot.BotFramework.Diagnostics;
using KaizalaBot.BotFramework.Integration;
using KaizalaBot.BotFramework.Schema;
using KaizalaBot.BotFramework.State;
using KaizalaBot.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KaizalaBot.BotFramework.Builder;

/// <summary>
/// The SDK's <c>CloudAdapter</c> (protocol ref. §8.1), minus HTTP (see <see cref="BotEndpointRouteBuilderExtensions"/>).
/// Every turn, inbound or proactive, runs the same loop: holding a per-conversation lock (turns of one conversation
/// never overlap in this process), inside a logging scope naming the conversation and activity, run the bot on a
/// buffered <see cref="TurnContext"/>, save every loaded <see cref="BotState"/> under its ETag and only then send what
/// the turn produced. A save that meets a change made elsewhere (<see cref="StorageConflictException"/>) discards the
/// attempt's output and re-runs the turn on freshly read state, up to <see cref="BotAdapterOptions.MaxTurnAttempts"/>
/// times. Whatever the bot throws stays inside the turn: it is logged (as an Error only when it is our own fault) and
/// answered without detail. Request-derived values reach the logs and the scope as <see cref="LogValue"/>: bounded, with
/// control characters escaped.
/// </summary>
/// <remarks>
/// An inbound turn is bounded by <see cref="BotAdapterOptions.TurnTimeout"/> and the host stopping, not by the HTTP
/// caller: once its state is saved its replies are sent even if the caller hung up, and its connector calls never wait
/// past its deadline (see <see cref="OutboundDeadline"/>). A proactive turn is bounded by its caller's token and the
/// host stopping; its sends queue for Teams' rate limits instead of failing.
/// Trade-offs: messages leave only after the state is saved (a long turn shows nothing until the end, apart from
/// typing indicators), buffered sends return no ids (a proactive turn gets them in its result), and side effects other
/// than sends happen once per attempt, so a turn must keep those idempotent or out of the turn.
/// </remarks>
public sealed partial class CloudAdapter
{
    // A turn that failed or ran out of time still owes the seller an apology; this is how long that may take.
    private static readonly TimeSpan ApologyTimeout = TimeSpan.FromSeconds(5);

    private readonly IChannelAuthenticator _authenticator;
    private readonly IConnectorClient _connector;
    private readonly IReadOnlyList<BotState> _states;
    private readonly BotAdapterOptions _options;
    private readonly ILogger<CloudAdapter> _logger;
    private readonly TimeProvider _timeProvider;
    private readonly CancellationToken _stopping;
    private readonly OutboundDeadline _outboundDeadline;
    private readonly BotFrameworkTelemetry _telemetry;
    private readonly KeyedAsyncLock _conversationLocks = new();
    private readonly ITurnFailureMessages? _failureMessages;

    public CloudAdapter(
        IChannelAuthenticator authenticator,
        IConnectorClient connector,
        IEnumerable<BotState> states,
        IOptions<BotAdapterOptions> options,
        ILogger<CloudAdapter> logger,
        TimeProvider? timeProvider = null,
        IHostApplicationLifetime? lifetime = null,
        OutboundDeadline? outboundDeadline = null,
        BotFrameworkTelemetry? telemetry = null,
        ITurnFailureMessages? failureMessages = null)
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
        _timeProvider = timeProvider ?? TimeProvider.System;
        _stopping = lifetime?.ApplicationStopping ?? CancellationToken.None;
        _outboundDeadline = outboundDeadline ?? new OutboundDeadline();
        _telemetry = telemetry ?? new BotFrameworkTelemetry(time: _timeProvider);   // built by hand (tests): a meter of its own
        _failureMessages = failureMessages;
    }

    /// <summary>
    /// Authenticates and runs one inbound activity. Returns the invoke answer for an invoke (501 when the bot set
    /// none, 500 when it failed, 400 when the activity asked for something refused), <c>null</c> otherwise. Throws
    /// <see cref="UnauthorizedAccessException"/> on failed authentication, before the bot sees anything.
    /// </summary>
    /// <param name="cancellationToken">
    /// The caller's token (the HTTP request's), honoured only until authentication is done: the turn itself is
    /// bounded by <see cref="BotAdapterOptions.TurnTimeout"/> and the host stopping, so a caller hanging up never
    /// leaves a turn that saved its state without its replies.
    /// </param>
    public async Task<InvokeResponse?> ProcessActivityAsync(
        string? authorizationHeader, Activity activity, IBot bot, CancellationToken cancellationToken)
    {
        InvokeResponse? answered = null;
        await ProcessActivityAsync(authorizationHeader, activity, bot, response =>
        {
            answered = response;
            return Task.CompletedTask;
        }, cancellationToken);
        return answered;
    }

    /// <summary>
    /// As <see cref="ProcessActivityAsync(string?, Activity, IBot, CancellationToken)"/>, but hands the turn's answer
    /// (the invoke response, or <c>null</c>) to <paramref name="answer"/> while still holding the conversation, so the
    /// caller writes it to the channel before any other turn of that conversation can send. A proactive turn queued
    /// behind a click (the redraw of the card that click answered as waiting) then reaches Teams after the click's answer,
    /// never before it: Teams shows whichever card arrives last, and an answer overtaken by its redraw would leave the
    /// seller looking at a stale waiting card.
    /// </summary>
    /// <param name="answer">
    /// Writes the answer; bounded by the caller (the HTTP server drops a client too slow to read it), since the
    /// conversation waits for it. Its exceptions reach the caller once the conversation is released.
    /// </param>
    public async Task ProcessActivityAsync(
        string? authorizationHeader, Activity activity, IBot bot, Func<InvokeResponse?, Task> answer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(bot);
        ArgumentNullException.ThrowIfNull(answer);

        await _authenticator.AuthenticateAsync(authorizationHeader, activity, cancellationToken);
        await RunInboundTurnAsync(activity, bot.OnTurnAsync, answer);
    }

    /// <summary>
    /// Runs <paramref name="callback"/> in a turn of the referenced conversation without an inbound request
    /// (reminders, progress cards), through the same loop as an inbound turn: it waits for the conversation's lock
    /// (so it never interleaves with the seller's click), state it loads is saved with the conflict re-run, and what
    /// it sends leaves once that state is saved, waiting for Teams' rate limits rather than failing. The callback's
    /// exceptions are logged and contained; the result says what happened (and whether the conversation is gone).
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> or the host stopping ended the turn.</exception>
    public async Task<ProactiveTurnResult> ContinueConversationAsync(
        ConversationReference reference, BotCallbackHandler callback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(callback);

        using var turnToken = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stopping);
        var outcome = await RunTurnAsync(reference.GetContinuationActivity(), callback, TurnKind.Proactive, turnToken.Token);
        return outcome.Result;
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

        using var turnToken = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stopping);
        var created = await _connector.CreateConversationAsync(serviceUrl, parameters, turnToken.Token);
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
        await RunTurnAsync(activity, callback, TurnKind.Proactive, turnToken.Token);
        return reference;
    }

    /// <summary>An already authenticated inbound activity, under its own deadline (also used by the test harness).</summary>
    internal async Task<InvokeResponse?> RunInboundTurnAsync(Activity activity, BotCallbackHandler callback, Func<InvokeResponse?, Task>? answer = null)
    {
        using var deadline = new CancellationTokenSource(_options.TurnTimeout, _timeProvider);
        using var turnToken = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, _stopping);

        // Set here, inside this async method, so it reaches every connector call of this turn and nothing else.
        _outboundDeadline.Enter(_timeProvider.GetUtcNow() + _options.TurnTimeout);
        var outcome = await RunTurnAsync(activity, callback, TurnKind.Inbound, turnToken.Token, answer);
        return outcome.InvokeResponse;
    }

    private async Task<TurnOutcome> RunTurnAsync(
        Activity activity, BotCallbackHandler callback, TurnKind kind, CancellationToken turnToken, Func<InvokeResponse?, Task>? answer = null)
    {
        var lockKey = ConversationState.GetKey(activity);
        using var scope = _logger.BeginScope(new TurnLogScope(activity.Conversation?.Id, activity.Id, kind.ToString()));
        using var turn = _telemetry.StartTurn(activity, kind);
        IDisposable? conversationLock = null;
        try
        {
            TurnOutcome outcome;
            try
            {
                conversationLock = lockKey is null ? null : await _conversationLocks.AcquireAsync(lockKey, turnToken);
                outcome = await RunAttemptsAsync(activity, callback, kind, lockKey, turn, turnToken);
            }
            catch (OperationCanceledException ex) when (kind == TurnKind.Inbound && turnToken.IsCancellationRequested)
            {
                // The turn never got the conversation: another turn of it held on past this one's deadline.
                LogFailure(TurnFailureKind.TimedOut, ex, activity, lockKey, attempt: 0);
                outcome = await AnswerFailureAsync(activity, TurnFailureKind.TimedOut, ex);
            }

            turn.Complete(outcome);
            if (answer is not null)
            {
                await answer(outcome.InvokeResponse);
            }

            return outcome;
        }
        finally
        {
            conversationLock?.Dispose();
        }
    }

    private async Task<TurnOutcome> RunAttemptsAsync(
        Activity activity, BotCallbackHandler callback, TurnKind kind, string? lockKey, TurnTelemetry turn, CancellationToken turnToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var turnContext = new TurnContext(activity, _connector, buffered: true);
            try
            {
                await callback(turnContext, turnToken);
                foreach (var state in _states)
                {
                    await state.SaveChangesAsync(turnContext, false, turnToken);
                }
            }
            catch (StorageConflictException) when (attempt < _options.MaxTurnAttempts)
            {
                LogTurnRetried(activity.Type, lockKey, attempt);
                turn.Retried();
                continue;
            }
            catch (Exception ex) when (IsContained(ex, kind, turnToken))
            {
                // The turn boundary: whatever the bot threw, the channel gets a generic answer and no detail.
                var failure = TurnFailures.Classify(ex, turnToken);
                LogFailure(failure, ex, activity, lockKey, attempt);
                return kind == TurnKind.Inbound
                    ? await AnswerFailureAsync(activity, failure, ex)
                    : new TurnOutcome(new ProactiveTurnResult { Status = ProactiveTurnStatus.CallbackFailed, Failure = ex }, null, failure);
            }

            var invokeResponse = activity.Type == ActivityTypes.Invoke && kind == TurnKind.Inbound
                ? turnContext.InvokeResponse ?? new InvokeResponse(501, null)
                : null;
            try
            {
                var responses = await turnContext.FlushAsync(turnToken);
                return new TurnOutcome(new ProactiveTurnResult { Status = ProactiveTurnStatus.Completed, Responses = responses }, invokeResponse);
            }
            catch (Exception ex) when (IsContained(ex, kind, turnToken))
            {
                // State is already saved, so re-running the turn would apply it twice; the user sees what was sent so far.
                var failure = TurnFailures.Classify(ex, turnToken);
                LogSendFailure(failure, ex, activity, lockKey);
                return new TurnOutcome(new ProactiveTurnResult { Status = ProactiveTurnStatus.SendFailed, Failure = ex }, invokeResponse, failure);
            }
        }
    }

    // A proactive turn cancelled by its caller (or the host stopping) hands the cancellation back; everything else stays in.
    private static bool IsContained(Exception exception, TurnKind kind, CancellationToken turnToken) =>
        kind == TurnKind.Inbound || exception is not OperationCanceledException || !turnToken.IsCancellationRequested;

    private async Task<TurnOutcome> AnswerFailureAsync(Activity activity, TurnFailureKind failure, Exception exception)
    {
        var result = new ProactiveTurnResult { Status = ProactiveTurnStatus.CallbackFailed, Failure = exception };
        if (activity.Type == ActivityTypes.Invoke)
        {
            // A card's Action.Execute is answered in the HTTP response, always 200 (protocol ref. §5.4): a failure is an
            // error answer whose message the client shows on the card. Other invokes keep the bare status.
            return failure != TurnFailureKind.CallerMistake && activity.Name == InvokeNames.AdaptiveCardAction
                ? new TurnOutcome(result, InvokeResponses.Error(500, "BotError", FailureMessage(activity, exception)), failure)
                : new TurnOutcome(result, new InvokeResponse(failure == TurnFailureKind.CallerMistake ? 400 : 500, null), failure);
        }

        // When the channel itself refused or failed, an apology through it would fail the same way.
        if (failure is TurnFailureKind.CallerMistake or TurnFailureKind.Dependency)
        {
            return new TurnOutcome(result, null, failure);
        }

        var text = FailureMessage(activity, exception);
        using var timeout = new CancellationTokenSource(ApologyTimeout, _timeProvider);
        using var apologyToken = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, _stopping);
        _outboundDeadline.Enter(_timeProvider.GetUtcNow() + ApologyTimeout);
        try
        {
            var turnContext = new TurnContext(activity, _connector, buffered: false);
            await turnContext.SendActivityAsync(MessageFactory.Text(text), apologyToken.Token);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || apologyToken.IsCancellationRequested)
        {
            // The apology is best effort: the channel may be what failed; the original error is already logged.
            LogSendFailure(TurnFailures.Classify(ex, apologyToken.Token), ex, activity, ConversationState.GetKey(activity));
        }

        return new TurnOutcome(result, null, failure);
    }

    // What the host can say of this failure, else the generic apology in the activity's language (architecture §8). The
    // answer to a failure must not fail in turn: a host's message that throws gives way to the generic one.
    private string FailureMessage(Activity activity, Exception exception)
    {
        string? named = null;
        try
        {
            named = _failureMessages?.MessageFor(exception, activity);
        }
        catch (Exception ex)
        {
            LogFailureMessageFailed(ex);
        }

        return named
            ?? (activity.Locale?.StartsWith("fr", StringComparison.OrdinalIgnoreCase) == true ? _options.ErrorMessageFr : _options.ErrorMessage);
    }

    private void LogFailure(TurnFailureKind failure, Exception exception, Activity activity, string? conversation, int attempt)
    {
        switch (failure)
        {
            case TurnFailureKind.OwnFault:
                LogTurnFailed(exception, activity.Type, conversation, attempt);
                break;
            case TurnFailureKind.TimedOut:
                LogTurnTimedOut(activity.Type, conversation, _options.TurnTimeout);
                break;
            default:
                LogTurnRefused(activity.Type, conversation, failure, Describe(exception));
                break;
        }
    }

    private void LogSendFailure(TurnFailureKind failure, Exception exception, Activity activity, string? conversation)
    {
        if (failure == TurnFailureKind.OwnFault)
        {
            LogSendFailed(exception, activity.Type, conversation);
        }
        else
        {
            LogSendNotDelivered(activity.Type, conversation, failure, Describe(exception));
        }
    }

    // What an operator needs of a failure that is not ours, without the stack trace: Teams' code and status (the code
    // comes from Teams' answer, so it is logged as a LogValue like the ids).
    private static string Describe(Exception exception) => exception switch
    {
        ConnectorException { StatusCode: { } status } connector =>
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{connector.ErrorCode ?? "no error code"} (HTTP {(int)status})"),
        ConnectorException connector => $"{connector.ErrorCode ?? "no error code"} (no answer)",
        OperationCanceledException => "cancelled",
        _ => exception.GetType().Name,
    };

    // Expected whenever two instances serve one conversation: worth a line, not a warning.
    [LoggerMessage(Level = LogLevel.Information, Message = "Turn of {ActivityType} in {Conversation} met a concurrent state change on attempt {Attempt}; running it again")]
    private partial void LogTurnRetried(LogValue activityType, LogValue conversation, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Turn of {ActivityType} in {Conversation} failed on attempt {Attempt}")]
    private partial void LogTurnFailed(Exception exception, LogValue activityType, LogValue conversation, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Turn of {ActivityType} in {Conversation} did not finish within {TurnTimeout} (or the host is stopping)")]
    private partial void LogTurnTimedOut(LogValue activityType, LogValue conversation, TimeSpan turnTimeout);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Turn of {ActivityType} in {Conversation} was refused ({FailureKind}): {Reason}")]
    private partial void LogTurnRefused(LogValue activityType, LogValue conversation, TurnFailureKind failureKind, LogValue reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sending the answer to {ActivityType} in {Conversation} failed")]
    private partial void LogSendFailed(Exception exception, LogValue activityType, LogValue conversation);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The answer to {ActivityType} in {Conversation} was not delivered ({FailureKind}): {Reason}")]
    private partial void LogSendNotDelivered(LogValue activityType, LogValue conversation, TurnFailureKind failureKind, LogValue reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "The host's message for a failed turn could not be made; the generic apology was used")]
    private partial void LogFailureMessageFailed(Exception exception);
}
