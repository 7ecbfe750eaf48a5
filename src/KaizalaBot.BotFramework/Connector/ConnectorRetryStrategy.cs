using System.Net;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace KaizalaBot.BotFramework.Connector;

/// <summary>
/// The connector's retry rules (reference §4.3, §5.9), run by Microsoft.Extensions.Http.Resilience's handler above the
/// rate limiter: 429 after its <c>Retry-After</c> (a longer one than <see cref="BotConnectorOptions.MaxRetryAfter"/>
/// surfaces instead), 412/502/503/504 with exponential back-off and jitter, nothing else — a 500 or a network error
/// may already have posted the message, and a retry would post it twice. A call made inside a turn never waits past the
/// turn's deadline: a retry that could only start after it is not made, and the last answer surfaces at once.
/// </summary>
internal static partial class ConnectorRetryStrategy
{
    public static void AddTo(ResiliencePipelineBuilder<HttpResponseMessage> builder, BotConnectorOptions settings, TimeProvider time, ILogger logger)
    {
        builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
        {
            ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result is { } response && ShouldRetry(response, args.AttemptNumber, settings, time)),
            MaxRetryAttempts = settings.MaxRetryAttempts,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = settings.RetryBaseDelay,
            MaxDelay = settings.RetryMaxDelay,
            DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result is { } response ? RetryAfterHeader.Read(response, time.GetUtcNow()) : null),
            OnRetry = args =>
            {
                var correlationId = CorrelationId(args.Outcome.Result);
                LogRetrying(logger, (int?)args.Outcome.Result?.StatusCode, args.AttemptNumber + 1, args.RetryDelay, correlationId);
                return ValueTask.CompletedTask;
            },
        });
    }

    internal static string? CorrelationId(HttpResponseMessage? response) =>
        response is not null && response.Headers.TryGetValues(ConnectorClient.CorrelationHeader, out var values) ? values.FirstOrDefault() : null;

    private static bool ShouldRetry(HttpResponseMessage response, int attempt, BotConnectorOptions settings, TimeProvider time)
    {
        var now = time.GetUtcNow();
        TimeSpan wait;
        switch (response.StatusCode)
        {
            case HttpStatusCode.TooManyRequests:
                var retryAfter = RetryAfterHeader.Read(response, now);
                if (retryAfter > settings.MaxRetryAfter)
                {
                    return false;
                }

                wait = retryAfter ?? Backoff(attempt, settings);
                break;
            case HttpStatusCode.PreconditionFailed or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout:
                wait = Backoff(attempt, settings);
                break;
            default:
                return false;
        }

        var deadline = response.RequestMessage is { } request ? ConnectorRequestOptions.GetDeadline(request) : null;
        return deadline is not { } turnDeadline || now + wait < turnDeadline;
    }

    // The back-off without its jitter: what a retry would wait, to compare with the time the turn has left.
    private static TimeSpan Backoff(int attempt, BotConnectorOptions settings)
    {
        var exponential = settings.RetryBaseDelay * Math.Pow(2, Math.Min(attempt, 16));
        return exponential < settings.RetryMaxDelay ? exponential : settings.RetryMaxDelay;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Bot Connector answered {StatusCode}; retry {Attempt} in {Delay} (correlation {CorrelationId})")]
    private static partial void LogRetrying(ILogger logger, int? statusCode, int attempt, TimeSpan delay, string? correlationId);
}
