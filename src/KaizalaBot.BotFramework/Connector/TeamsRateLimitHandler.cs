using System.Diagnostics;
using System.Net;
using System.Threading.RateLimiting;
using KaizalaBot.BotFramework.Diagnostics;
using Microsoft.Extensions.Logging;

namespace KaizalaBot.BotFramework.Connector;

/// <summary>
/// Puts every connector send (send, reply, update, create conversation) through <see cref="TeamsRateLimiter"/>, once per
/// attempt: it sits below the retry handler and above the per-attempt timeout, so time spent queueing for a permit
/// never counts as a slow answer. A 429 from Teams pauses the conversation and the tenant for its <c>Retry-After</c>.
/// A send of a turn that cannot get a permit before the turn's deadline fails at once with
/// <see cref="ConnectorErrorCodes.Throttled"/>, having sent nothing.
/// </summary>
internal sealed partial class TeamsRateLimitHandler(
    TeamsRateLimiter limiter, TimeProvider time, BotFrameworkTelemetry telemetry, ILogger<TeamsRateLimitHandler> logger)
    : DelegatingHandler
{
    // Teams documents Retry-After on its 429s; without one, hold the conversation briefly rather than not at all.
    private static readonly TimeSpan PauseWithoutRetryAfter = TimeSpan.FromSeconds(1);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        // Every attempt passes here once, below the retries: the logical call counts them.
        request.Options.TryGetValue(ConnectorRequestOptions.Telemetry, out var call);
        call?.AttemptStarted();
        if (!request.Options.TryGetValue(ConnectorRequestOptions.Outbound, out var outbound))
        {
            return await base.SendAsync(request, cancellationToken);
        }

        var queued = time.GetTimestamp();
        using (var lease = await limiter.AcquireAsync(outbound, 1, cancellationToken))
        {
            telemetry.SendQueueDuration.Record(
                time.GetElapsedTime(queued).TotalSeconds,
                new TagList { { TelemetryTags.SendMode, outbound.Deadline is null ? "background" : "turn" } });
            if (!lease.IsAcquired)
            {
                var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : (TimeSpan?)null;
                call?.Throttled("local");
                LogThrottledLocally(retryAfter);
                throw new ConnectorException("Teams' rate limits allow this send only after the turn's deadline; it was not sent.")
                {
                    ErrorCode = ConnectorErrorCodes.Throttled,
                    RetryAfter = retryAfter,
                };
            }
        }

        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            call?.Throttled("teams");
            limiter.Pause(outbound, RetryAfterHeader.Read(response, time.GetUtcNow()) ?? PauseWithoutRetryAfter);
        }

        return response;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Send not made: Teams' rate limits would hold it {RetryAfter}, past the turn's deadline")]
    private partial void LogThrottledLocally(TimeSpan? retryAfter);
}
