using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace KaizalaBot.PartnerCenter.Http;

// One pipeline per process: per-attempt timeout inside a bounded retry. 429 waits Retry-After; 5xx, 408,
// transport failures and attempt timeouts back off exponentially with jitter; other 4xx are final.
internal sealed partial class PartnerCenterResilience
{
    internal static readonly ResiliencePropertyKey<Guid> RequestIdKey = new("KaizalaBot.PartnerCenter.RequestId");

    private readonly ILogger<PartnerCenterResilience> _logger;
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _maxRetryAfter;

    public PartnerCenterResilience(
        IOptions<PartnerCenterOptions> options, TimeProvider timeProvider, ILogger<PartnerCenterResilience> logger)
    {
        _logger = logger;
        _timeProvider = timeProvider;
        var retry = options.Value.Retry;
        _maxRetryAfter = retry.MaxRetryAfter;
        Pipeline = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = timeProvider }
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = Math.Max(retry.MaxRetryAttempts, 1),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = retry.BaseDelay,
                MaxDelay = retry.MaxDelay,
                ShouldHandle = args => ValueTask.FromResult(
                    retry.MaxRetryAttempts > 0 && IsTransient(args.Outcome)),
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result)),
                OnRetry = args =>
                {
                    LogRetrying(
                        args.Context.Properties.GetValue(RequestIdKey, Guid.Empty),
                        args.AttemptNumber + 1,
                        args.Outcome.Result is { } response ? (int)response.StatusCode : null,
                        args.Outcome.Exception?.GetType().Name,
                        args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(new TimeoutStrategyOptions { Timeout = retry.AttemptTimeout })
            .Build();
    }

    public ResiliencePipeline<HttpResponseMessage> Pipeline { get; }

    internal static TimeSpan? RetryAfterOf(HttpResponseMessage response, TimeProvider timeProvider)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - timeProvider.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }

    private bool IsTransient(Outcome<HttpResponseMessage> outcome)
    {
        if (outcome.Exception is not null)
        {
            // HttpClient reports its own timeout as a TaskCanceledException wrapping a TimeoutException.
            return outcome.Exception is HttpRequestException or TimeoutRejectedException or PartnerException { IsTransient: true }
                || outcome.Exception is TaskCanceledException { InnerException: TimeoutException };
        }

        var response = outcome.Result!;
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            // Waiting longer than configured inside a call would pin the caller; let it reschedule instead.
            return RetryAfterOf(response, _timeProvider) is not { } wait || wait <= _maxRetryAfter;
        }

        return response.StatusCode == HttpStatusCode.RequestTimeout || (int)response.StatusCode >= 500;
    }

    private TimeSpan? RetryAfter(HttpResponseMessage? response) =>
        response is not null && (response.StatusCode == HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500)
            ? RetryAfterOf(response, _timeProvider)
            : null;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Partner Center call {RequestId}: attempt {Attempt} failed (HTTP {StatusCode}, {ExceptionType}); retrying in {Delay}")]
    private partial void LogRetrying(Guid requestId, int attempt, int? statusCode, string? exceptionType, TimeSpan delay);
}
