using KaizalaBot.Migration.Audit;
using KaizalaBot.PartnerCenter;

namespace KaizalaBot.Migration.PartnerCenterAccess;

/// <summary>
/// Every Partner Center call of the engine goes through here: paced per customer, tagged with the migration's
/// correlation id and its own request id, and written to the audit trail with its outcome (status and error code,
/// never a body or token). A call that changes something is also written <em>before</em> it is made (<c>started</c>), so
/// a runner that dies while waiting for the answer still leaves the attempt on record; what the resumed runner then
/// finds in Partner Center is recorded with <see cref="RecordFindingAsync"/>.
/// </summary>
public sealed class AuditedPartnerCenter(IPartnerCenterClient client, CustomerRateLimiter limiter, AuditTrail audit, TimeProvider time)
{
    /// <summary>A read: audited with its outcome.</summary>
    /// <param name="scope">Who and which migration.</param>
    /// <param name="operation">The endpoint's name (as the simulator's fault rules name it), e.g. <c>subscriptions.get</c>.</param>
    /// <param name="target">The id acted on, for the audit.</param>
    /// <param name="call">The call, given a client scoped to the correlation and request ids.</param>
    /// <param name="cancellationToken">Stops waiting; an interrupted read leaves no entry (a resumed runner reads again).</param>
    /// <param name="requestId">A known MS-RequestId to replay one logical call.</param>
    public Task<T> CallAsync<T>(
        CallScope scope, string operation, string? target, Func<IPartnerCenterClient, CancellationToken, Task<T>> call,
        CancellationToken cancellationToken, Guid? requestId = null) =>
        InvokeAsync(scope, operation, target, call, writeAhead: false, requestId, cancellationToken);

    /// <summary>A change (cart, checkout, PATCH, licence update): audited as <c>started</c> before the call, then with its outcome.</summary>
    /// <param name="scope">Who and which migration.</param>
    /// <param name="operation">The endpoint's name, e.g. <c>carts.checkout</c>.</param>
    /// <param name="target">The id acted on, for the audit.</param>
    /// <param name="call">The call, given a client scoped to the correlation and request ids.</param>
    /// <param name="cancellationToken">Stops waiting; the <c>started</c> entry stays as the trace of an interrupted change.</param>
    /// <param name="requestId">A known MS-RequestId to replay one logical call (a checkout after a restart).</param>
    public Task<T> ChangeAsync<T>(
        CallScope scope, string operation, string? target, Func<IPartnerCenterClient, CancellationToken, Task<T>> call,
        CancellationToken cancellationToken, Guid? requestId = null) =>
        InvokeAsync(scope, operation, target, call, writeAhead: true, requestId, cancellationToken);

    /// <summary>
    /// Records what a runner found in Partner Center instead of changing it (a purchase found by its friendly name, a user
    /// already moved, a subscription already suspended): after a crash, the entry that closes a <c>started</c> change.
    /// </summary>
    public Task RecordFindingAsync(CallScope scope, string finding, string? target, string status)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return audit.AppendAsync(Entry(scope, AuditKind.Decision, finding, target, null, status, null, null), CancellationToken.None);
    }

    private async Task<T> InvokeAsync<T>(
        CallScope scope, string operation, string? target, Func<IPartnerCenterClient, CancellationToken, Task<T>> call, bool writeAhead,
        Guid? requestId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(call);
        await limiter.AcquireAsync(scope.CustomerId, cancellationToken);
        var id = requestId ?? Guid.NewGuid();
        var scoped = client.With(new PartnerCenterRequestContext { CorrelationId = scope.CorrelationId, RequestId = id });
        if (writeAhead)
        {
            // Cancellable: a runner stopped here has made no call yet.
            await audit.AppendAsync(Entry(scope, AuditKind.PartnerCenterCall, operation, target, id, "started", null, null), cancellationToken);
        }

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
        audit.AppendAsync(Entry(scope, AuditKind.PartnerCenterCall, operation, target, requestId, status, httpStatus, errorCode), CancellationToken.None);

    private AuditEntry Entry(
        CallScope scope, AuditKind kind, string operation, string? target, Guid? requestId, string status, int? httpStatus, string? errorCode) =>
        new()
        {
            MigrationId = scope.AuditStream,
            At = time.GetUtcNow(),
            Kind = kind,
            Operation = operation,
            Actor = scope.Actor,
            PartnerCenterUserId = scope.PartnerCenterUserId,
            Target = target,
            RequestId = requestId,
            CorrelationId = scope.CorrelationId,
            Status = status,
            HttpStatus = httpStatus,
            ErrorCode = errorCode,
        };
}
