using KaizalaBot.Migration.Audit;
using KaizalaBot.Migration.Catalog;
using KaizalaBot.Migration.Diagnostics;
using KaizalaBot.Migration.Notifications;
using KaizalaBot.Migration.Planning;
using KaizalaBot.Migration.PartnerCenterAccess;
using KaizalaBot.Migration.Steps;
using KaizalaBot.PartnerCenter;
using KaizalaBot.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KaizalaBot.Migration.Jobs;

/// <summary>
/// Runs one claimed migration from its recorded state to the next resting point (completed, cancelled, needs
/// attention, or stopped to resume later). The states are a route table of steps, each idempotent, so a migration
/// resumed after a crash simply runs the step it was in again.
/// </summary>
public sealed partial class MigrationExecutor
{
    private readonly MigrationStore _store;
    private readonly AuditedPartnerCenter _partnerCenter;
    private readonly AuditTrail _audit;
    private readonly PlanCatalogue _catalogue;
    private readonly IMigrationNotifier _notifier;
    private readonly MigrationRunnerOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<MigrationExecutor> _logger;
    private readonly MigrationTelemetry _telemetry;
    private readonly Dictionary<MigrationState, IMigrationStep> _steps;

    public MigrationExecutor(
        MigrationStore store, AuditedPartnerCenter partnerCenter, AuditTrail audit, PlanCatalogue catalogue, IMigrationNotifier notifier,
        IOptions<MigrationOptions> options, TimeProvider time, ILogger<MigrationExecutor> logger, MigrationTelemetry telemetry)
    {
        _store = store;
        _partnerCenter = partnerCenter;
        _audit = audit;
        _catalogue = catalogue;
        _notifier = notifier;
        _options = options.Value.Runner;
        _time = time;
        _logger = logger;
        _telemetry = telemetry;
        IMigrationStep[] steps =
        [
            new PurchaseStep(options.Value.FriendlyNamePrefix), new ProvisioningStep(), new LicenceMoveStep(), new SuspendStep(), new VerifyStep(),
        ];
        _steps = steps.ToDictionary(s => s.State);
    }

    /// <summary>Runs the migration as <see cref="RunAsync(string, string, Func{bool, DateTimeOffset}, CancellationToken)"/> with a
    /// runner that polls again after <c>PollInterval</c> whatever the run did.</summary>
    public Task<MigrationRunEnd> RunAsync(string migrationId, string holderId, CancellationToken cancellationToken) =>
        RunAsync(migrationId, holderId, _ => _time.GetUtcNow() + _options.PollInterval, cancellationToken);

    /// <param name="migrationId">The migration to run.</param>
    /// <param name="holderId">The lease holder (recorded in the claim).</param>
    /// <param name="nextAttemptAfterPause">
    /// Asked once when the run pauses on an unwell Partner Center, with whether it made progress first: when the runner
    /// will try the migration again (its back-off), which the seller's card shows.
    /// </param>
    /// <param name="cancellationToken">The runner stopping or the lease lost: the migration stays runnable and resumes later.</param>
    /// <returns>Whether the run paused on Partner Center before it saved anything (the runner then backs off).</returns>
    public async Task<MigrationRunEnd> RunAsync(
        string migrationId, string holderId, Func<bool, DateTimeOffset> nextAttemptAfterPause, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(nextAttemptAfterPause);
        var session = await ClaimAsync(migrationId, holderId, cancellationToken);
        if (session is null)
        {
            return MigrationRunEnd.Ended;
        }

        await using var progress = new ProgressCoalescer(p => NotifyAsync(() => _notifier.ProgressAsync(p, CancellationToken.None)), _time, _options.ProgressInterval);
        try
        {
            await RunStepsAsync(session, progress, cancellationToken);
        }
        catch (MigrationCancelledException)
        {
            await progress.FlushAsync();
            await FinishAsync(session, MigrationState.Cancelled, null, cancellationToken);
        }
        catch (MigrationAttentionException ex)
        {
            await progress.FlushAsync();
            await NeedsAttentionAsync(session, ex.Reason, ex, cancellationToken);
        }
        catch (PartnerException ex) when (ex.IsAccessDenied())
        {
            await progress.FlushAsync();
            await NeedsAttentionAsync(session, MigrationMessage.Of(MessageCodes.AttentionAccessDenied, ("code", ex.ErrorCode ?? "")), ex, cancellationToken);
        }
        catch (PartnerException ex) when (ex.IsTransient())
        {
            // Partner Center is unwell: leave the migration runnable; a later poll resumes it from its state. A run that got
            // nowhere tells the runner to wait longer each time, rather than ask an unwell Partner Center every poll.
            // Recording the outage is not progress (SaveOutageAsync leaves HasSaved alone), so it is read first anyway.
            var progressed = session.HasSaved;
            LogPaused(migrationId, session.Current.State, ex.ErrorCode, ex.StatusCode is { } s ? (int)s : null);
            await ShowOutageAsync(session, ex, nextAttemptAfterPause(progressed), progress, cancellationToken);
            if (!progressed)
            {
                return MigrationRunEnd.PausedWithoutProgress;
            }
        }
        catch (PartnerException ex)
        {
            await progress.FlushAsync();
            await NeedsAttentionAsync(session, MigrationMessage.Of(MessageCodes.AttentionUnexpected, ("code", ex.ErrorCode ?? ex.ErrorCategory.ToString())), ex, cancellationToken);
        }
        catch (OwnershipLostException)
        {
            LogOwnershipLost(migrationId);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            LogStopped(migrationId, session.Current.State);
        }

        return MigrationRunEnd.Ended;
    }

    private async Task RunStepsAsync(MigrationSession session, ProgressCoalescer progress, CancellationToken cancellationToken)
    {
        var plan = _catalogue.Find(session.Current.PlanId)
            ?? throw new MigrationAttentionException(MigrationMessage.Of(MessageCodes.PlanUnknown, ("plan", session.Current.PlanId)));
        var context = new StepContext
        {
            Session = session, PartnerCenter = _partnerCenter, Store = _store, Plan = plan, Options = _options, Time = _time, Progress = progress,
        };
        while (true)
        {
            var state = session.Current.State;
            context.ThrowIfCancelRequested();
            MigrationState next;
            if (state == MigrationState.Queued)
            {
                next = session.Current.ResumeAt ?? MigrationState.Purchasing;
            }
            else if (_steps.TryGetValue(state, out var step))
            {
                next = await _telemetry.TraceStepAsync(state, () => step.RunAsync(context, cancellationToken));
            }
            else
            {
                return;
            }

            if (next.IsTerminal())
            {
                await progress.FlushAsync();
                await FinishAsync(session, next, null, cancellationToken);
                return;
            }

            await session.SaveAsync(m => m with { State = next, ResumeAt = null, Attention = null }, cancellationToken);
            await AuditStateAsync(session.Current);
            await progress.ReportAsync(new MigrationProgress(session.Current, session.Current.Licences.Moved, session.Current.Licences.Failed, session.Current.UserCount));
        }
    }

    private async Task<MigrationSession?> ClaimAsync(string migrationId, string holderId, CancellationToken cancellationToken)
    {
        var stored = await _store.ReadAsync(migrationId, cancellationToken);
        if (stored is null)
        {
            // The marker is written before the record: the record may simply not exist yet.
            return null;
        }

        if (!stored.Value.State.IsRunnable())
        {
            await _store.UnmarkRunnableAsync(migrationId, cancellationToken);
            return null;
        }

        var claimed = stored.Value with { Claim = new RunnerClaim(Guid.NewGuid(), holderId, _time.GetUtcNow()), UpdatedAt = _time.GetUtcNow() };
        try
        {
            var eTag = await _store.ReplaceAsync(claimed, stored.ETag, cancellationToken);
            LogClaimed(migrationId, claimed.State, holderId);
            return new MigrationSession(_store, _time, claimed, eTag);
        }
        catch (StorageConflictException)
        {
            return null;
        }
    }

    private async Task NeedsAttentionAsync(MigrationSession session, MigrationMessage reason, Exception exception, CancellationToken cancellationToken)
    {
        LogNeedsAttention(exception, session.Current.Id, session.Current.State, reason.Code);
        await session.SaveAsync(m => m with { State = MigrationState.NeedsAttention, Attention = reason }, cancellationToken);
        await _store.MarkNoticeOwedAsync(session.Current.Id, CancellationToken.None);
        await _store.UnmarkRunnableAsync(session.Current.Id, CancellationToken.None);
        await AuditStateAsync(session.Current, reason.Code);
        await NotifyAsync(() => _notifier.AttentionNeededAsync(session.Current, reason, CancellationToken.None));
    }

    /// <summary>
    /// Tells the seller that Partner Center holds the migration up, and when it is tried again: stored in the record (a
    /// restarted host or another instance draws the same card) and reported as progress, so it goes through the same
    /// coalescing as any progress. Only when the card would change: a long outage redraws it once per back-off that moves
    /// the next attempt, not at every failed run. A failure here is logged; the run still ends as paused.
    /// </summary>
    private async Task ShowOutageAsync(
        MigrationSession session, PartnerException failure, DateTimeOffset nextAttemptAt, ProgressCoalescer progress, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var shown = session.Current.Outage;
        var outage = new PartnerCenterOutage
        {
            Since = shown?.Since ?? now, LastFailureAt = now, StatusCode = failure.StatusCode is { } status ? (int)status : null, NextAttemptAt = nextAttemptAt,
        };
        try
        {
            if (!outage.ShowsSameAs(shown))
            {
                var m = await session.SaveOutageAsync(outage, cancellationToken);
                await progress.ReportAsync(new MigrationProgress(m, m.Licences.Moved, m.Licences.Failed, m.UserCount));
            }

            // The run ends here: whatever progress it reported last must reach the card now, not die with the coalescer.
            await progress.FlushAsync();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Storage trouble, or another runner took the migration over: the card is a courtesy, the pause stands.
            LogOutageNotShown(ex, session.Current.Id);
        }
    }

    private async Task FinishAsync(MigrationSession session, MigrationState state, MigrationMessage? reason, CancellationToken cancellationToken)
    {
        await session.SaveAsync(m => m with { State = state, Attention = reason, FinishedAt = _time.GetUtcNow() }, cancellationToken);

        // Saved: what follows must happen even if the runner is stopping now, or the state would lack its audit entry.
        await _store.MarkNoticeOwedAsync(session.Current.Id, CancellationToken.None);
        await _store.UnmarkRunnableAsync(session.Current.Id, CancellationToken.None);
        if (state == MigrationState.Cancelled)
        {
            await _store.ReleaseSlotAsync(session.Current.CustomerId, session.Current.SourceSubscriptionId, CancellationToken.None);
        }

        await AuditStateAsync(session.Current);
        LogFinished(session.Current.Id, state);
        await NotifyAsync(() => _notifier.FinishedAsync(session.Current, CancellationToken.None));
    }

    // Not cancellable: the state it records is already saved. Every state entered is audited here, so it is counted here too.
    private Task AuditStateAsync(MigrationRecord m, string? code = null)
    {
        _telemetry.StateEntered(m.State);
        return _audit.AppendAsync(
            new AuditEntry
            {
                MigrationId = m.Id, At = _time.GetUtcNow(), Kind = AuditKind.Decision, Operation = "migration.state",
                Actor = m.RequestedBy, PartnerCenterUserId = m.PartnerCenterUserId, CorrelationId = m.CorrelationId,
                Status = m.State.ToString(), ErrorCode = code,
            },
            CancellationToken.None);
    }

    // The seller's card is a courtesy: a notifier failure is logged and never stops or fails the migration.
    private async Task NotifyAsync(Func<Task> notify)
    {
        try
        {
            await notify();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogNotifyFailed(ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Migration {MigrationId} claimed in state {State} by {HolderId}")]
    private partial void LogClaimed(string migrationId, MigrationState state, string holderId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Migration {MigrationId} paused in {State}: Partner Center answered {StatusCode} {ErrorCode}; it resumes at a later poll")]
    private partial void LogPaused(string migrationId, MigrationState state, string? errorCode, int? statusCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Migration {MigrationId}: its card could not be told that Partner Center holds it up")]
    private partial void LogOutageNotShown(Exception exception, string migrationId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Migration {MigrationId} needs attention in {State}: {Code}")]
    private partial void LogNeedsAttention(Exception exception, string migrationId, MigrationState state, string code);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Migration {MigrationId}: another runner claimed it; this one stops")]
    private partial void LogOwnershipLost(string migrationId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Migration {MigrationId} stopped in {State}; it resumes from there")]
    private partial void LogStopped(string migrationId, MigrationState state);

    [LoggerMessage(Level = LogLevel.Information, Message = "Migration {MigrationId} finished: {State}")]
    private partial void LogFinished(string migrationId, MigrationState state);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A migration notification failed; the migration goes on")]
    private partial void LogNotifyFailed(Exception exception);
}
