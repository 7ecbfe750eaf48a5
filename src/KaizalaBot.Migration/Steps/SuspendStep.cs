using KaizalaBot.Migration.Jobs;
using KaizalaBot.Migration.Planning;
using KaizalaBot.Migration.PartnerCenterAccess;
using KaizalaBot.PartnerCenter;
using KaizalaBot.PartnerCenter.Models;

namespace KaizalaBot.Migration.Steps;

/// <summary>
/// Step C, never twice: read the Kaizala subscription first (already suspended = done), then PATCH the whole object
/// with its ETag and only the status changed; 200 and 202 + Location are the client's concern; a stale ETag (2055)
/// or "already suspended" (800091) means read again. Deprovisioning follows 120 days after the suspension.
/// </summary>
internal sealed class SuspendStep : IMigrationStep
{
    private static readonly TimeSpan DeprovisioningDelay = TimeSpan.FromDays(120);

    public MigrationState State => MigrationState.Suspending;

    public async Task<MigrationState> RunAsync(StepContext context, CancellationToken cancellationToken)
    {
        if (context.Migration.Suspension.SuspendedAt is not null)
        {
            return MigrationState.Verifying;
        }

        context.ThrowIfCancelRequested();

        // Recorded once: saving it again at every run would count as progress, and a Partner Center outage in C would then
        // be retried at every poll (no back-off) and clear the seller's outage notice each time only to draw it again.
        if (context.Migration.Suspension.StartedAt is null)
        {
            await context.Session.SaveAsync(m => m with { Suspension = m.Suspension with { StartedAt = m.Suspension.StartedAt ?? context.Time.GetUtcNow() } }, cancellationToken);
        }

        var m = context.Migration;
        var suspendedByUs = false;
        for (var attempt = 1; ; attempt++)
        {
            var current = await context.PartnerCenter.CallAsync(
                context.Scope, "subscriptions.get", m.SourceSubscriptionId,
                (client, ct) => client.GetSubscriptionAsync(m.CustomerId, m.SourceSubscriptionId, ct), cancellationToken);
            if (current.Status is SubscriptionStatus.Suspended or SubscriptionStatus.Deleted or SubscriptionStatus.Expired)
            {
                await context.PartnerCenter.RecordFindingAsync(context.Scope, "reconcile.suspension", m.SourceSubscriptionId, current.Status.ToString());
                break;
            }

            try
            {
                await context.PartnerCenter.ChangeAsync(
                    context.Scope, "subscriptions.patch", m.SourceSubscriptionId,
                    (client, ct) => SubscriptionWriter.SuspendAsync(client, m.CustomerId, current, ct), cancellationToken);
                suspendedByUs = true;
                break;
            }
            catch (PartnerException ex) when (ex.HasCode("2055", "800091") && attempt < 5)
            {
                // Changed under us, or suspended meanwhile: the next read decides.
            }
            catch (PartnerException ex) when (!ex.IsTransient())
            {
                throw new MigrationAttentionException(
                    MigrationMessage.Of(MessageCodes.AttentionSuspendFailed, ("code", ex.ErrorCode ?? ex.ErrorCategory.ToString())), ex);
            }
        }

        var now = context.Time.GetUtcNow();
        await context.Session.SaveAsync(
            r => r with
            {
                Suspension = r.Suspension with
                {
                    SuspendedAt = now, DeprovisionOn = now + DeprovisioningDelay, WasAlreadySuspended = !suspendedByUs,
                },
            },
            cancellationToken);
        return MigrationState.Verifying;
    }
}
