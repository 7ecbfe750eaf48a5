using KaizalaBot.Migration.Audit;
using KaizalaBot.PartnerCenter;

namespace KaizalaBot.Migration.PartnerCenterAccess;

/// <summary>
/// Every Partner Center call of the engine goes through here: paced per customer, tagged with the migration's
/// correlation id and its own request id, and written to the audit trail with its outcome (status and error code,
/// never a body or token).
/// </summary>
public sealed class AuditedPartnerCenter(IPartnerCenterClient client, CustomerRateLimiter limiter, AuditTrail audit, TimeProvider time)
{
    /// <param name="scope">Who and which migration.</param>
    /// <param name="operation">The endpoint's name (as the simulator's fault rules name it), e.g. <c>carts.checkout</c>.</param>
    /// <param name="target">The id acted on, for the audit.</param>
    /// <param name="call">The call, given a client scoped to the correlation and request ids.</param>
    /// <param name="cancellationToken">Stops waiting; an interrupted call is not audited (a resumed runner re-reads first).</param>
    /// <param name="requestId">A known MS-RequestId to replay one logical call (a checkout after a restart).</param>
    public async Task<T> CallAsync<T>(
        CallScope scope, string operation, string? target, Func<IPartnerCenterClient, CancellationToken, Task<T>> call,
        CancellationToken cancellationToken, Guid? requestId = null)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(call);
        await limiter.AcquireAsync(scope.CustomerId, cancellationToken);
        var id = requestId ?? Guid.NewGuid();
        var scoped = client.With(new PartnerCenterRequestContext { CorrelationId = scope.CorrelationId, RequestId = id });
        try
        {
            var result = await call(scoped, cancellationToken);
            // Not cancellable: a call that happened must be on record even when the runner is stopping.
            await AuditAsync(scope, operation, target, id, "succeeded", null, null);
            return result;
        }
        catch (PartnerException ex)
        {
            if (ex.ErrorCategory == PartnerErrorCategory.TooManyRequests && ex.RetryAfter is { } retryAfter)
            {
                limiter.Pause(scope.CustomerId, retryAfter);
            }

            await AuditAsync(scope, operation, target, id, "failed", ex.StatusCode is { } s ? (int)s : null, ex.ErrorCode);
            throw;
        }
    }

    private Task AuditAsync(
        CallScope scope, string operation, string? target, Guid requestId, string status, int? httpStatus, string? errorCode) =>
        audit.AppendAsync(
            new AuditEntry
            {
                MigrationId = scope.AuditStream,
                At = time.GetUtcNow(),
                Kind = AuditKind.PartnerCenterCall,
                Operation = operation,
                Actor = scope.Actor,
                PartnerCenterUserId = scope.PartnerCenterUserId,
                Target = target,
                RequestId = requestId,
                CorrelationId = scope.CorrelationId,
                Status = status,
                HttpStatus = httpStatus,
                ErrorCode = errorCode,
            },
            CancellationToken.None);
}
