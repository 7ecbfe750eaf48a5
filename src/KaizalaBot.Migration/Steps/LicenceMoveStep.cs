using System.Collections.Concurrent;
using KaizalaBot.Migration.Jobs;
using KaizalaBot.Migration.Notifications;
using KaizalaBot.Migration.Planning;
using KaizalaBot.Migration.PartnerCenterAccess;
using KaizalaBot.PartnerCenter;
using KaizalaBot.PartnerCenter.Models;

namespace KaizalaBot.Migration.Steps;

/// <summary>
/// Step B: for each selected user not yet moved, read the licences first (a user already on the new plan without
/// Kaizala Pro is skipped), then one licenseupdates call that assigns the new licence and removes Kaizala Pro, leaving
/// every other licence alone — so no user is ever between two licences. Users run with bounded concurrency under the
/// per-customer limiter; each outcome is its own document, written right after the call. Retryable failures get
/// <c>RetryableRounds</c> more rounds; what still fails waits for the seller (retry failed users, or accept the
/// remainder), since C must not run while selected users still depend on Kaizala Pro.
/// </summary>
internal sealed class LicenceMoveStep : IMigrationStep
{
    public MigrationState State => MigrationState.MovingLicences;

    public async Task<MigrationState> RunAsync(StepContext context, CancellationToken cancellationToken)
    {
        var selection = await context.Store.ReadSelectionAsync(context.Migration.Id, cancellationToken);
        var outcomes = new ConcurrentDictionary<string, UserOutcome>(
            await context.Store.ReadOutcomesAsync(context.Migration.Id, cancellationToken), StringComparer.OrdinalIgnoreCase);
        var retryAll = context.Migration.RetryFailedRequested;
        if (retryAll)
        {
            await context.Session.SaveAsync(m => m with { RetryFailedRequested = false }, cancellationToken);
        }

        for (var round = 0; ; round++)
        {
            var todo = selection.Users.Where(u => !outcomes.TryGetValue(u.Id, out var o)
                    || (o.Status == UserMoveStatus.Failed && (o.IsRetryable || (retryAll && round == 0))))
                .ToList();
            if (todo.Count == 0 || round > context.Options.RetryableRounds)
            {
                break;
            }

            if (round > 0)
            {
                await Task.Delay(context.Options.RetryRoundDelay, context.Time, cancellationToken);
            }

            await RunRoundAsync(context, todo, outcomes, selection.Users.Count, cancellationToken);
            await SaveCountersAsync(context, outcomes, selection.Users.Count, cancellationToken);
        }

        var failed = outcomes.Values.Count(o => o.Status == UserMoveStatus.Failed);
        if (failed == 0 || context.Migration.AcceptRemainder)
        {
            await context.Session.SaveAsync(m => m with { Licences = m.Licences with { CompletedAt = context.Time.GetUtcNow() } }, cancellationToken);
            return MigrationState.Suspending;
        }

        throw new MigrationAttentionException(MigrationMessage.Of(
            MessageCodes.AttentionUsersFailed, ("failed", failed), ("moved", outcomes.Values.Count(o => o.Status == UserMoveStatus.Moved))));
    }

    private static async Task RunRoundAsync(
        StepContext context, List<MigrationUser> todo, ConcurrentDictionary<string, UserOutcome> outcomes, int total, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var watcher = WatchForCancelAsync(context, stop);
        try
        {
            await Parallel.ForEachAsync(
                todo,
                new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, context.Options.LicenceConcurrency), CancellationToken = cancellationToken },
                async (user, ct) =>
                {
                    // A cancel stops new users only: a call under way finishes and its outcome is stored.
                    if (stop.IsCancellationRequested)
                    {
                        return;
                    }

                    var previous = outcomes.TryGetValue(user.Id, out var o) ? o.Attempts : 0;
                    var outcome = await MoveAsync(context, user, previous + 1, ct);
                    await context.Store.WriteOutcomeAsync(context.Migration.Id, outcome, CancellationToken.None);
                    outcomes[user.Id] = outcome;
                    await context.Progress.ReportAsync(Progress(context.Migration, outcomes, total));
                });
        }
        finally
        {
            await stop.CancelAsync();
            await watcher;
        }

        context.ThrowIfCancelRequested();
    }

    private static async Task<UserOutcome> MoveAsync(StepContext context, MigrationUser user, int attempt, CancellationToken cancellationToken)
    {
        var m = context.Migration;
        try
        {
            var licenses = await ReadLicencesAsync(context, user.Id, cancellationToken);
            var holdsKaizala = Holds(licenses, m.KaizalaSkuId);
            var holdsTarget = Holds(licenses, m.TargetSkuId);
            if (!holdsKaizala && holdsTarget)
            {
                await context.PartnerCenter.RecordFindingAsync(context.Scope, "reconcile.user", user.Id, "alreadyMoved");
                return Moved(context, user, attempt, alreadyMoved: true);
            }

            var update = new LicenseUpdate
            {
                LicensesToAssign = holdsTarget ? [] : [new LicenseAssignment { SkuId = m.TargetSkuId }],
                LicensesToRemove = holdsKaizala ? [m.KaizalaSkuId] : [],
            };
            await context.PartnerCenter.ChangeAsync(
                context.Scope, "users.licenseupdates", user.Id,
                (client, ct) => client.UpdateUserLicensesAsync(m.CustomerId, user.Id, update, ct), cancellationToken);
            return Moved(context, user, attempt, alreadyMoved: false);
        }
        catch (PartnerException ex) when (ex.IsAccessDenied())
        {
            throw new MigrationAttentionException(MigrationMessage.Of(MessageCodes.AttentionAccessDenied, ("code", ex.ErrorCode ?? "")), ex);
        }
        catch (PartnerException ex)
        {
            var (reason, retryable) = UserFailureClassifier.Classify(ex);
            return new UserOutcome
            {
                UserId = user.Id, UserPrincipalName = user.UserPrincipalName, DisplayName = user.DisplayName,
                Status = UserMoveStatus.Failed, Failure = reason, IsRetryable = retryable, ErrorCode = ex.ErrorCode,
                Attempts = attempt, At = context.Time.GetUtcNow(),
            };
        }
    }

    private static Task<ResourceCollection<License>> ReadLicencesAsync(StepContext context, string userId, CancellationToken cancellationToken)
    {
        var customerId = context.Migration.CustomerId;
        return context.PartnerCenter.CallAsync(
            context.Scope, "users.licenses", userId, (client, ct) => client.GetUserLicensesAsync(customerId, userId, ct), cancellationToken);
    }

    private static bool Holds(ResourceCollection<License> licenses, string skuId) =>
        licenses.Items.Any(l => string.Equals(l.ProductSku.Id, skuId, StringComparison.OrdinalIgnoreCase));

    private static UserOutcome Moved(StepContext context, MigrationUser user, int attempt, bool alreadyMoved) => new()
    {
        UserId = user.Id, UserPrincipalName = user.UserPrincipalName, DisplayName = user.DisplayName,
        Status = UserMoveStatus.Moved, WasAlreadyMoved = alreadyMoved, Attempts = attempt, At = context.Time.GetUtcNow(),
    };

    private static MigrationProgress Progress(MigrationRecord m, ConcurrentDictionary<string, UserOutcome> outcomes, int total)
    {
        var values = outcomes.Values;
        return new MigrationProgress(m, values.Count(o => o.Status == UserMoveStatus.Moved), values.Count(o => o.Status == UserMoveStatus.Failed), total);
    }

    private static Task<MigrationRecord> SaveCountersAsync(
        StepContext context, ConcurrentDictionary<string, UserOutcome> outcomes, int total, CancellationToken cancellationToken)
    {
        var moved = outcomes.Values.Count(o => o.Status == UserMoveStatus.Moved);
        var failed = outcomes.Values.Count(o => o.Status == UserMoveStatus.Failed);
        return context.Session.SaveAsync(
            m => m with { Licences = m.Licences with { Moved = moved, Failed = failed, Pending = total - moved - failed, Rounds = m.Licences.Rounds + 1 } },
            cancellationToken);
    }

    // The workers never touch the session; this loop alone re-reads the record for a cancel request (or a lost claim).
    private static async Task WatchForCancelAsync(StepContext context, CancellationTokenSource stop)
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                await Task.Delay(context.Options.CancelPollInterval, context.Time, stop.Token);
                var current = await context.Session.RefreshAsync(stop.Token);
                if (current.CancelRequestedBy is not null)
                {
                    await stop.CancelAsync();
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (OwnershipLostException)
        {
            await stop.CancelAsync();
        }
    }
}
