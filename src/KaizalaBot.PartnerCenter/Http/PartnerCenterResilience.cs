using System.Net;
using KaizalaBot.PartnerCenter.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace KaizalaBot.PartnerCenter.Http;

// The API client's resilience handler (Microsoft.Extensions.Http.Resilience): per-attempt timeout inside a bounded
// retry. 429 waits Retry-After up to MaxRetryAfter (longer: not retried, surfaced as PartnerException.RetryAfter);
// 5xx, 408, transport failures, attempt timeouts and transient token failures back off exponentially with jitter
// (or wait a 5xx's Retry-After); other 4xx are final. Each retry re-sends a copy of the request, so the
// MS-RequestId the client set goes out unchanged on every attempt of a logical call (reference §1.3, §5.4).
internal sealed partial class PartnerCenterResilience
{
    private readonly PartnerCenterRetryOptions _retry;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<PartnerCenterResilience> _logger;

    public PartnerCenterResilience(
        IOptions<PartnerCenterOptions> options, TimeProvider timeProvider, ILogger<PartnerCenterResilience> logger)
    {
        _retry = options.Value.Retry;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    public void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder)
    {
        // The injected clock, so Retry-After waits and attempt timeouts run on virtual time in tests.
        builder.TimeProvider = _timeProvider;
        builder
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = Math.Max(_retry.MaxRetryAttempts, 1),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = _retry.BaseDelay,
                MaxDelay = _retry.MaxDelay,
                ShouldHandle = args => ValueTask.FromResult(_retry.MaxRetryAttempts > 0 && IsTransient(args.Outcome)),
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result)),
                OnRetry = args =>
                {
                    CallOf(args.Context)?.Retried(args.Outcome.Result?.StatusCode);
                    LogRetrying(
                        RequestIdOf(args.Context),
                        args.AttemptNumber + 1,
                        args.Outcome.Result is { } response ? (int)response.StatusCode : null,
                        args.Outcome.Exception?.GetType().Name,
                        args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(new TimeoutStrategyOptions { Timeout = _retry.AttemptTimeout });
    }

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

    private static PartnerCenterCallTelemetry? CallOf(ResilienceContext context) =>
        context.GetRequestMessage()?.Options.TryGetValue(PartnerCenterTelemetry.CallKey, out var call) == true ? call : null;

    private static string? RequestIdOf(ResilienceContext context) =>
        context.GetRequestMessage()?.Headers.TryGetValues(PartnerCenterHeaders.RequestId, out var values) == true
            ? values.FirstOrDefault()
            : null;

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
            return RetryAfterOf(response, _timeProvider) is not { } wait || wait <= _retry.MaxRetryAfter;
        }

        return response.StatusCode == HttpStatusCode.RequestTimeout || (int)response.StatusCode >= 500;
    }

    private TimeSpan? RetryAfter(HttpResponseMessage? response) =>
        response is not null && (response.StatusCode == HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500)
            ? RetryAfterOf(response, _timeProvider)
            : null;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Partner Center call {RequestId}: attempt {Attempt} failed (HTTP {StatusCode}, {ExceptionType}); retrying in {Delay}")]
    private partial void LogRetrying(string? requestId, int attempt, int? statusCode, string? exceptionType, TimeSpan delay);
}
