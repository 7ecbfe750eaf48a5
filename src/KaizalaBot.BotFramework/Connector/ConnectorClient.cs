using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using KaizalaBot.BotFramework.Authentication;
using KaizalaBot.BotFramework.Diagnostics;
using KaizalaBot.BotFramework.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.Timeout;

namespace KaizalaBot.BotFramework.Connector;

/// <summary>
/// Bot Connector REST v3 over HttpClient (reference §4): the token only goes to allowed hosts, a 401 re-acquires the token
/// once, and every other failure is a <see cref="ConnectorException"/>. Below it, the HttpClient's handlers retry
/// 412/429/502/503/504 (<see cref="ConnectorRetryStrategy"/>) and keep Teams' rate limits (<see cref="TeamsRateLimitHandler"/>);
/// this class tells them, per request, which conversation and tenant a send counts against and the deadline of the turn
/// making it (<see cref="OutboundDeadline"/>).
/// </summary>
internal sealed partial class ConnectorClient : IConnectorClient
{
    internal const string CorrelationHeader = "X-Correlating-OperationId";

    private static readonly MediaTypeHeaderValue JsonContentType = MediaTypeHeaderValue.Parse("application/json; charset=utf-8");

    private readonly HttpClient _httpClient;
    private readonly IBotTokenProvider _tokens;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<ConnectorClient> _logger;
    private readonly ServiceUrlPolicy _policy;
    private readonly OutboundDeadline _outboundDeadline;
    private readonly BotFrameworkTelemetry _telemetry;

    public ConnectorClient(
        HttpClient httpClient,
        IBotTokenProvider tokens,
        IOptions<BotConnectorOptions> options,
        IOptions<MicrosoftAppOptions> appOptions,
        TimeProvider timeProvider,
        ILogger<ConnectorClient> logger,
        OutboundDeadline? outboundDeadline = null,
        BotFrameworkTelemetry? telemetry = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(appOptions);

        var settings = options.Value;
        _httpClient = httpClient;
        _tokens = tokens;
        _timeProvider = timeProvider;
        _logger = logger;
        _policy = settings.CreateServiceUrlPolicy(appOptions.Value);
        _outboundDeadline = outboundDeadline ?? new OutboundDeadline();
        _telemetry = telemetry ?? new BotFrameworkTelemetry(time: timeProvider);
    }

    public async Task<ResourceResponse> SendToConversationAsync(Activity activity, CancellationToken cancellationToken)
    {
        var (serviceUrl, conversationId) = Address(activity);

        // The channel assigns ids; bbdn clears the outgoing id before posting (reference §4.1).
        var path = ConnectorPath.Of("v3", "conversations", conversationId, "activities");
        return await SendAsync<ResourceResponse>(HttpMethod.Post, serviceUrl, path, activity with { Id = null }, cancellationToken)
            .ConfigureAwait(false) ?? new ResourceResponse(null);
    }

    public async Task<ResourceResponse> ReplyToActivityAsync(Activity activity, CancellationToken cancellationToken)
    {
        var (serviceUrl, conversationId) = Address(activity);
        var replyToId = Required(activity.ReplyToId, nameof(activity), "A reply needs activity.replyToId.");

        var path = ConnectorPath.Of("v3", "conversations", conversationId, "activities", replyToId);
        return await SendAsync<ResourceResponse>(HttpMethod.Post, serviceUrl, path, activity with { Id = null }, cancellationToken)
            .ConfigureAwait(false) ?? new ResourceResponse(null);
    }

    public async Task<ResourceResponse> UpdateActivityAsync(Activity activity, CancellationToken cancellationToken)
    {
        var (serviceUrl, conversationId) = Address(activity);
        var activityId = Required(activity.Id, nameof(activity), "An update needs activity.id, the id of the message to replace.");

        var path = ConnectorPath.Of("v3", "conversations", conversationId, "activities", activityId);
        return await SendAsync<ResourceResponse>(HttpMethod.Put, serviceUrl, path, activity, cancellationToken)
            .ConfigureAwait(false) ?? new ResourceResponse(activityId);
    }

    public async Task DeleteActivityAsync(
        string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken)
    {
        Required(serviceUrl, nameof(serviceUrl), "A serviceUrl is required.");
        Required(conversationId, nameof(conversationId), "A conversation id is required.");
        Required(activityId, nameof(activityId), "An activity id is required.");

        var path = ConnectorPath.Of("v3", "conversations", conversationId, "activities", activityId);
        await SendAsync<JsonElement?>(HttpMethod.Delete, serviceUrl, path, null, cancellationToken).ConfigureAwait(false);
    }

    public async Task<ConversationResourceResponse> CreateConversationAsync(
        string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken)
    {
        Required(serviceUrl, nameof(serviceUrl), "A serviceUrl is required.");
        ArgumentNullException.ThrowIfNull(parameters);
        if (parameters.Members is not { Count: > 0 })
        {
            throw new ArgumentException("CreateConversation needs at least one member.", nameof(parameters));
        }

        var path = ConnectorPath.Of("v3", "conversations");
        return await SendAsync<ConversationResourceResponse>(HttpMethod.Post, serviceUrl, path, parameters, cancellationToken)
            .ConfigureAwait(false) ?? new ConversationResourceResponse();
    }

    // The operation is the public method's name (SendToConversation, ReplyToActivity, ...): a fixed set, fit for metrics.
    private async Task<TResult?> SendAsync<TResult>(
        HttpMethod method, string serviceUrl, ConnectorPath relativePath, object? body, CancellationToken cancellationToken,
        [CallerMemberName] string operation = "")
    {
        using var call = _telemetry.StartConnectorCall(operation.Replace("Async", "", StringComparison.Ordinal), method, serviceUrl);
        try
        {
            return await SendCoreAsync<TResult>(method, serviceUrl, relativePath, body, call, cancellationToken).ConfigureAwait(false);
        }
        catch (ConnectorException ex)
        {
            call.Failed(ex.ErrorCode);
            throw;
        }
    }

    private async Task<TResult?> SendCoreAsync<TResult>(
        HttpMethod method, string serviceUrl, ConnectorPath relativePath, object? body, ConnectorCallTelemetry call, CancellationToken cancellationToken)
    {
        var decision = _policy.Decide(serviceUrl);
        if (decision == ServiceUrlDecision.Refuse)
        {
            // The host of a stored reference is data, so it is logged through the sanitiser like anything from a request.
            LogUntrustedHost(_logger, serviceUrl);
            throw new ConnectorException("The serviceUrl is not an allowed Bot Connector host; the call was not made.")
            {
                ErrorCode = "UntrustedServiceUrl",
            };
        }

        var uri = relativePath.AppendTo(serviceUrl);

        var payload = body is null ? null : JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), BotJson.Options);
        var token = decision == ServiceUrlDecision.SendWithToken
            ? await _tokens.GetTokenAsync(forceRefresh: false, cancellationToken).ConfigureAwait(false)
            : null;

        var limits = new OutboundRequest(ConversationOf(body), TenantOf(body), _outboundDeadline.Current);
        var response = await SendOnceAsync(method, uri, payload, token, limits, call, cancellationToken).ConfigureAwait(false);
        try
        {
            // A 401 usually means a token revoked or rotated before its expiry: MSAL's cache must be bypassed once.
            if (response.StatusCode == HttpStatusCode.Unauthorized && token is not null)
            {
                LogForcedTokenRefresh(_logger, method.Method, uri.Host);
                response.Dispose();
                token = await _tokens.GetTokenAsync(forceRefresh: true, cancellationToken).ConfigureAwait(false);
                response = await SendOnceAsync(method, uri, payload, token, limits, call, cancellationToken).ConfigureAwait(false);
            }

            call.Answered(response.StatusCode);

            if (!response.IsSuccessStatusCode)
            {
                throw await ToExceptionAsync(method, uri, response, cancellationToken).ConfigureAwait(false);
            }

            var content = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            if (content.Length == 0)
            {
                return default;
            }

            try
            {
                return JsonSerializer.Deserialize<TResult>(content, BotJson.Options);
            }
            catch (JsonException)
            {
                // The call succeeded (2xx): throwing now would invite a retry that posts the message twice.
                LogUnreadableSuccessBody(_logger, method.Method, uri.Host, (int)response.StatusCode, CorrelationId(response));
                return default;
            }
        }
        finally
        {
            response.Dispose();
        }
    }

    /// <summary>One call; the handlers below retry it and keep the rate limits (see the class remarks).</summary>
    private async Task<HttpResponseMessage> SendOnceAsync(
        HttpMethod method, Uri uri, byte[]? payload, string? token, OutboundRequest limits, ConnectorCallTelemetry call, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, uri);
        request.Options.Set(ConnectorRequestOptions.Telemetry, call);
        if (payload is not null)
        {
            request.Content = new ByteArrayContent(payload);
            request.Content.Headers.ContentType = JsonContentType;
        }

        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        // Deletes are not sends: Teams' limits count what is posted to a conversation (reference §5.9).
        if (method != HttpMethod.Delete)
        {
            request.Options.Set(ConnectorRequestOptions.Outbound, limits);
        }

        if (limits.Deadline is { } deadline)
        {
            request.Options.Set(ConnectorRequestOptions.Deadline, deadline);
        }

        try
        {
            return await _httpClient.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            LogTransportFailure(_logger, method.Method, uri.Host, ex.HttpRequestError.ToString());
            throw new ConnectorException("The Bot Connector could not be reached.", ex) { ErrorCode = ConnectorErrorCodes.NetworkError };
        }
        catch (TimeoutRejectedException ex)
        {
            LogTransportFailure(_logger, method.Method, uri.Host, ConnectorErrorCodes.Timeout);
            throw new ConnectorException("The Bot Connector did not answer in time.", ex) { ErrorCode = ConnectorErrorCodes.Timeout };
        }
    }

    private static string? ConversationOf(object? body) => (body as Activity)?.Conversation?.Id;

    // Teams puts the tenant on the conversation and in channelData (reference §1.3); a new conversation names it itself.
    private static string? TenantOf(object? body) => body switch
    {
        Activity { Conversation.TenantId: { Length: > 0 } tenantId } => tenantId,
        Activity { ChannelData: { ValueKind: JsonValueKind.Object } channelData }
            when channelData.TryGetProperty("tenant", out var tenant) && tenant.ValueKind == JsonValueKind.Object
                && tenant.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String => id.GetString(),
        ConversationParameters parameters => parameters.TenantId,
        _ => null,
    };

    private async Task<ConnectorException> ToExceptionAsync(
        HttpMethod method, Uri uri, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var error = ConnectorErrorParser.Parse(body);
        var correlationId = CorrelationId(response);
        var status = (int)response.StatusCode;
        LogCallFailed(_logger, method.Method, uri.Host, status, error.Code, error.SubCode, correlationId);
        return new ConnectorException($"Bot Connector {method.Method} failed with HTTP {status} ({error.Code ?? "no error code"}).")
        {
            StatusCode = response.StatusCode,
            ErrorCode = error.Code,
            SubCode = error.SubCode,
            ConnectorMessage = error.Message,
            CorrelationId = correlationId,
            RetryAfter = response.StatusCode == HttpStatusCode.TooManyRequests ? RetryAfterHeader.Read(response, _timeProvider.GetUtcNow()) : null,
        };
    }

    private static string? CorrelationId(HttpResponseMessage response) => ConnectorRetryStrategy.CorrelationId(response);

    private static (string ServiceUrl, string ConversationId) Address(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var serviceUrl = Required(activity.ServiceUrl, nameof(activity), "The activity needs a serviceUrl.");
        var conversationId = Required(activity.Conversation?.Id, nameof(activity), "The activity needs conversation.id.");
        return (serviceUrl, conversationId);
    }

    private static string Required(string? value, string parameterName, string message) =>
        string.IsNullOrWhiteSpace(value) ? throw new ArgumentException(message, parameterName) : value;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused to call serviceUrl {ServiceUrl}: not an allowed Bot Connector host")]
    private static partial void LogUntrustedHost(ILogger logger, LogValue serviceUrl);

    [LoggerMessage(Level = LogLevel.Information, Message = "Bot Connector answered 401 to {Method} on {Host}; re-acquiring the token once")]
    private static partial void LogForcedTokenRefresh(ILogger logger, string method, string host);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bot Connector {Method} on {Host} failed: HTTP {StatusCode}, code {ErrorCode}, sub-code {SubCode} (correlation {CorrelationId})")]
    private static partial void LogCallFailed(
        ILogger logger, string method, string host, int statusCode, string? errorCode, string? subCode, string? correlationId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bot Connector {Method} on {Host} answered {StatusCode} with a body that is not the expected JSON (correlation {CorrelationId})")]
    private static partial void LogUnreadableSuccessBody(ILogger logger, string method, string host, int statusCode, string? correlationId);

    // Teams or the network failed, not our code: the kind of failure is enough, a stack trace would only be noise.
    [LoggerMessage(Level = LogLevel.Warning, Message = "Bot Connector {Method} on {Host} failed before any answer: {Failure}")]
    private static partial void LogTransportFailure(ILogger logger, string method, string host, string failure);
}
