using KaizalaBot.Migration.Audit;
using KaizalaBot.Migration.Authorization;
using KaizalaBot.Migration.Catalog;
using KaizalaBot.Migration.Diagnostics;
using KaizalaBot.Migration.Notifications;
using KaizalaBot.Migration.Planning;
using KaizalaBot.PartnerCenter.Models;
using KaizalaBot.Storage;
using Microsoft.Extensions.Options;

namespace KaizalaBot.Migration.Jobs;

/// <summary>
/// The seller's commands on migrations (confirm, cancel, retry failed users, accept the remainder, approve, reject)
/// and the queries the conversation and the reminders need. Commands only write the record and wake the runner; no
/// command waits on Partner Center work beyond a couple of reads.
/// </summary>
public sealed class MigrationService(
    MigrationStore store, SellerAuthorizer authorizer, PlanCatalogue catalogue, TenantReader tenant, KaizalaDetector detector,
    AuditTrail audit, IMigrationNotifier notifier, RunnerSignal signal, IOptions<MigrationOptions> options, TimeProvider time,
    MigrationTelemetry telemetry)
{
    private readonly MigrationApprovalOptions _approval = options.Value.Approval;

    /// <summary>Confirms a previewed draft: the migration is queued (or waits for approval) and the runner takes it from there.</summary>
    public async Task<CommandResult> ConfirmAsync(MigrationDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var entitlement = await authorizer.AuthorizeAsync(draft.Seller, SellerAction.Migrate, null, cancellationToken);
        if (!entitlement.IsAllowed)
        {
            return new CommandResult(CommandStatus.Refused, null, entitlement.Refusal);
        }

        var (plan, source, problem) = await ValidateAsync(draft, cancellationToken);
        if (problem is not null)
        {
            return new CommandResult(CommandStatus.Invalid, null, problem);
        }

        var id = Guid.NewGuid().ToString("N")[..16];
        using var command = telemetry.StartCommand("migration.confirmed", id);
        if (await TakeSlotAsync(draft, id, cancellationToken) is { } holder)
        {
            return new CommandResult(CommandStatus.AlreadyActive, await GetAsync(holder, cancellationToken),
                MigrationMessage.Of(MessageCodes.SourceMigrationActive, ("migration", holder)));
        }

        var approval = _approval.Enabled && draft.LicenceCount > _approval.SeatThreshold;
        var now = time.GetUtcNow();
        var record = new MigrationRecord
        {
            Id = id, CorrelationId = Guid.NewGuid(), CustomerId = draft.CustomerId, CustomerName = draft.CustomerName,
            SourceSubscriptionId = source!.Id, PlanId = plan!.Id, TargetSkuId = plan.SkuId, KaizalaSkuId = detector.SkuId,
            PurchaseKind = draft.PurchaseKind, ExistingSubscriptionId = draft.ExistingSubscriptionId, LicenceCount = draft.LicenceCount,
            UserCount = draft.Users.Count, Country = tenant.CountryOf(source), RequestedBy = draft.Seller,
            PartnerCenterUserId = entitlement.PartnerCenterUserId, ConversationReference = draft.ConversationReference,
            ProgressActivityId = draft.ProgressActivityId, Language = draft.Language,
            State = approval ? MigrationState.AwaitingApproval : MigrationState.Queued, CreatedAt = now, UpdatedAt = now,
        };
        await store.WriteSelectionAsync(new MigrationSelection(id, draft.Users), cancellationToken);
        if (!approval)
        {
            // Marker first: a crash before the record leaves a marker the runner ignores, never a queued record nobody runs.
            await store.MarkRunnableAsync(id, cancellationToken);
        }

        await store.CreateAsync(record, cancellationToken);
        await store.IndexSellerAsync(record, cancellationToken);
        await AuditAsync(record, draft.Seller, entitlement.PartnerCenterUserId, "migration.confirmed", record.State.ToString(), cancellationToken);
        telemetry.StateEntered(record.State);
        if (approval)
        {
            await notifier.ApprovalRequestedAsync(record, cancellationToken);
        }
        else
        {
            signal.Wake();
        }

        return new CommandResult(CommandStatus.Done, record);
    }

    /// <summary>
    /// Cancels: a migration not being run stops at once; a running one after its current Partner Center call (the runner
    /// records what was done and what remains). A licence swap is one call, so no user is left between two licences.
    /// </summary>
    public Task<CommandResult> CancelAsync(string migrationId, SellerIdentity seller, CancellationToken cancellationToken) =>
        CommandAsync(migrationId, seller, SellerAction.Migrate, "migration.cancel",
            m => m.State is MigrationState.Draft or MigrationState.AwaitingApproval or MigrationState.NeedsAttention
                ? m with { State = MigrationState.Cancelled, CancelRequestedBy = seller, FinishedAt = time.GetUtcNow() }
                : m.State.IsRunnable() ? m with { CancelRequestedBy = seller } : null,
            cancellationToken);

    /// <summary>Runs step B again for the failed users only (after the seller fixed usage locations, conflicts or seats).</summary>
    public Task<CommandResult> RetryFailedUsersAsync(string migrationId, SellerIdentity seller, CancellationToken cancellationToken) =>
        CommandAsync(migrationId, seller, SellerAction.Migrate, "migration.retryFailedUsers",
            m => m.State == MigrationState.NeedsAttention && m.Licences.CompletedAt is null && m.Purchase.ProvisionedAt is not null
                ? m with { State = MigrationState.Queued, ResumeAt = MigrationState.MovingLicences, RetryFailedRequested = true, Attention = null }
                : null,
            cancellationToken);

    /// <summary>Suspends Kaizala Pro although some users could not be moved (they lose it); the summary lists them.</summary>
    public Task<CommandResult> AcceptRemainderAsync(string migrationId, SellerIdentity seller, CancellationToken cancellationToken) =>
        CommandAsync(migrationId, seller, SellerAction.Migrate, "migration.acceptRemainder",
            m => m.State == MigrationState.NeedsAttention && m.Attention?.Code == MessageCodes.AttentionUsersFailed
                ? m with { State = MigrationState.Queued, ResumeAt = MigrationState.MovingLicences, AcceptRemainder = true, Attention = null }
                : null,
            cancellationToken);

    /// <summary>Resumes a migration that needed attention for a reason now fixed (e.g. Partner Center access restored).</summary>
    public Task<CommandResult> ResumeAsync(string migrationId, SellerIdentity seller, CancellationToken cancellationToken) =>
        CommandAsync(migrationId, seller, SellerAction.Migrate, "migration.resume",
            m => m.State == MigrationState.NeedsAttention && m.Attention?.Code != MessageCodes.AttentionUsersFailed
                ? m with { State = MigrationState.Queued, ResumeAt = ResumePoint(m), Attention = null }
                : null,
            cancellationToken);

    public Task<CommandResult> ApproveAsync(string migrationId, SellerIdentity admin, string? comment, CancellationToken cancellationToken) =>
        DecideAsync(migrationId, admin, approved: true, comment, cancellationToken);

    public Task<CommandResult> RejectAsync(string migrationId, SellerIdentity admin, string? comment, CancellationToken cancellationToken) =>
        DecideAsync(migrationId, admin, approved: false, comment, cancellationToken);

    public async Task<MigrationRecord?> GetAsync(string migrationId, CancellationToken cancellationToken) =>
        (await store.ReadAsync(migrationId, cancellationToken))?.Value;

    /// <summary>Per-user results (moved, failed with reason and what to do), in selection order; users not reached yet are absent.</summary>
    public async Task<IReadOnlyList<UserOutcome>> GetUserOutcomesAsync(string migrationId, CancellationToken cancellationToken)
    {
        var selection = await store.ReadSelectionAsync(migrationId, cancellationToken);
        var outcomes = await store.ReadOutcomesAsync(migrationId, cancellationToken);
        return [.. selection.Users.Where(u => outcomes.ContainsKey(u.Id)).Select(u => outcomes[u.Id])];
    }

    public async Task<IReadOnlyList<MigrationRecord>> ListBySellerAsync(SellerIdentity seller, CancellationToken cancellationToken)
    {
        var records = new List<MigrationRecord>();
        await foreach (var id in store.ListSellerIdsAsync(seller, cancellationToken))
        {
            if (await GetAsync(id, cancellationToken) is { } record)
            {
                records.Add(record);
            }
        }

        return [.. records.OrderByDescending(r => r.CreatedAt)];
    }

    /// <summary>Every migration not finished, plus those finished within <paramref name="recent"/> (newest first).</summary>
    public async Task<IReadOnlyList<MigrationRecord>> ListActiveAndRecentAsync(TimeSpan recent, CancellationToken cancellationToken)
    {
        var since = time.GetUtcNow() - recent;
        var records = new List<MigrationRecord>();
        await foreach (var id in store.ListIdsAsync(cancellationToken))
        {
            if (await GetAsync(id, cancellationToken) is { } r && (r.State.IsActive() || r.FinishedAt >= since))
            {
                records.Add(r);
            }
        }

        return [.. records.OrderByDescending(r => r.UpdatedAt)];
    }

    /// <summary>The migration running or done for this Kaizala subscription (reminders skip such customers), or null.</summary>
    public async Task<MigrationRecord?> FindForSubscriptionAsync(string customerId, string subscriptionId, CancellationToken cancellationToken) =>
        await store.ReadSlotAsync(customerId, subscriptionId, cancellationToken) is { } id ? await GetAsync(id, cancellationToken) : null;

    private async Task<CommandResult> DecideAsync(string migrationId, SellerIdentity admin, bool approved, string? comment, CancellationToken cancellationToken)
    {
        using var command = telemetry.StartCommand(approved ? "approval.approved" : "approval.rejected", migrationId);
        var entitlement = await authorizer.AuthorizeAsync(admin, SellerAction.Approve, migrationId, cancellationToken);
        if (!entitlement.IsAllowed)
        {
            return new CommandResult(CommandStatus.Refused, await GetAsync(migrationId, cancellationToken), entitlement.Refusal);
        }

        var decision = new ApprovalDecision(approved, admin, entitlement.PartnerCenterUserId, time.GetUtcNow(), comment);
        return await ApplyAsync(migrationId, admin, entitlement.PartnerCenterUserId, approved ? "approval.approved" : "approval.rejected",
            m => m.State != MigrationState.AwaitingApproval
                ? null
                : approved
                    ? m with { State = MigrationState.Queued, Approval = decision }
                    : m with { State = MigrationState.Cancelled, Approval = decision, FinishedAt = time.GetUtcNow() },
            cancellationToken);
    }

    private async Task<CommandResult> CommandAsync(
        string migrationId, SellerIdentity seller, SellerAction action, string operation, Func<MigrationRecord, MigrationRecord?> change,
        CancellationToken cancellationToken)
    {
        using var command = telemetry.StartCommand(operation, migrationId);
        var entitlement = await authorizer.AuthorizeAsync(seller, action, migrationId, cancellationToken);
        if (!entitlement.IsAllowed)
        {
            return new CommandResult(CommandStatus.Refused, null, entitlement.Refusal);
        }

        var current = await GetAsync(migrationId, cancellationToken);
        if (current is null)
        {
            return new CommandResult(CommandStatus.NotFound, null);
        }

        // Only the seller who started it, or an Admin agent / configured user, acts on a migration (architecture §5).
        var owns = string.Equals(current.RequestedBy.AadObjectId, seller.AadObjectId, StringComparison.OrdinalIgnoreCase)
            && string.Equals(current.RequestedBy.TenantId, seller.TenantId, StringComparison.OrdinalIgnoreCase);
        if (!owns && entitlement.Role == SellerRole.SalesAgent)
        {
            await AuditAsync(current, seller, entitlement.PartnerCenterUserId, operation, "refused", cancellationToken);
            return new CommandResult(CommandStatus.Refused, current, MigrationMessage.Of(MessageCodes.SellerNotEntitled, ("reason", "notOwner")));
        }

        return await ApplyAsync(migrationId, seller, entitlement.PartnerCenterUserId, operation, change, cancellationToken);
    }

    private async Task<CommandResult> ApplyAsync(
        string migrationId, SellerIdentity actor, string? partnerCenterUserId, string operation, Func<MigrationRecord, MigrationRecord?> change,
        CancellationToken cancellationToken)
    {
        var applied = false;
        var before = MigrationState.Draft;
        MigrationRecord updated;
        try
        {
            updated = await store.UpdateAsync(migrationId, m =>
            {
                before = m.State;
                var next = change(m);
                applied = next is not null;
                return next ?? m;
            }, cancellationToken);
        }
        catch (MigrationNotFoundException)
        {
            // An approval names its migration without reading it first: a forged or mistyped id is simply not found.
            return new CommandResult(CommandStatus.NotFound, null);
        }

        if (!applied)
        {
            return new CommandResult(CommandStatus.WrongState, updated);
        }

        if (updated.State == MigrationState.Queued)
        {
            await store.MarkRunnableAsync(updated.Id, cancellationToken);
            signal.Wake();
        }
        else if (updated.State == MigrationState.Cancelled)
        {
            await store.UnmarkRunnableAsync(updated.Id, cancellationToken);
            await store.ReleaseSlotAsync(updated.CustomerId, updated.SourceSubscriptionId, cancellationToken);
            await notifier.FinishedAsync(updated, cancellationToken);
        }

        await AuditAsync(updated, actor, partnerCenterUserId, operation, updated.State.ToString(), cancellationToken);
        if (updated.State != before)
        {
            // A cancel asked of a running migration changes nothing until the runner sees it.
            telemetry.StateEntered(updated.State);
        }

        return new CommandResult(CommandStatus.Done, updated);
    }

    private async Task<(ReplacementPlan? Plan, Subscription? Source, MigrationMessage? Problem)> ValidateAsync(MigrationDraft draft, CancellationToken cancellationToken)
    {
        var plan = catalogue.Find(draft.PlanId);
        if (plan is null)
        {
            return (null, null, MigrationMessage.Of(MessageCodes.PlanUnknown, ("plan", draft.PlanId)));
        }

        if (draft.Users.Count == 0)
        {
            return (plan, null, MigrationMessage.Of(MessageCodes.UsersNone));
        }

        var source = await tenant.SubscriptionAsync(draft.CustomerId, draft.SourceSubscriptionId, cancellationToken);
        if (!detector.IsKaizalaSubscription(source))
        {
            return (plan, source, MigrationMessage.Of(MessageCodes.SourceNotKaizala));
        }

        if (source.Status != SubscriptionStatus.Active)
        {
            return (plan, source, MigrationMessage.Of(MessageCodes.SourceNotActive, ("status", source.Status)));
        }

        HeldPlan? existing = null;
        if (draft.PurchaseKind == PurchaseKind.AddSeats)
        {
            var held = tenant.HeldPlans(
                await tenant.SubscribedSkusAsync(draft.CustomerId, cancellationToken), await tenant.SubscriptionsAsync(draft.CustomerId, cancellationToken));
            existing = held.FirstOrDefault(h => h.SubscriptionId == draft.ExistingSubscriptionId && h.Plan.Id == plan.Id);
            if (existing is null)
            {
                return (plan, source, MigrationMessage.Of(MessageCodes.TargetNotFound, ("subscription", draft.ExistingSubscriptionId ?? "")));
            }
        }

        var count = LicenceCountRules.Check(plan, draft.Users.Count, draft.LicenceCount, existing);
        return (plan, source, count.Reason);
    }

    // A slot whose migration was cancelled, or was never written (a crash between the two writes, older than a
    // minute), is free again; anything else is the active migration.
    private async Task<string?> TakeSlotAsync(MigrationDraft draft, string id, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var slot = await store.TryTakeSlotAsync(draft.CustomerId, draft.SourceSubscriptionId, id, cancellationToken);

            // A slot holding this command's own fresh id was taken by this call: its create-only write landed on an
            // attempt the Blob client then retried, and the retry was answered 409 (the crash harness met it under load).
            if (slot is null || slot.Value.MigrationId == id)
            {
                return null;
            }

            var existing = slot.Value.MigrationId.Length == 0 ? null : await GetAsync(slot.Value.MigrationId, cancellationToken);
            var stale = existing?.State == MigrationState.Cancelled
                || (existing is null && time.GetUtcNow() - slot.Value.CreatedAt > TimeSpan.FromMinutes(1));
            if (!stale)
            {
                return slot.Value.MigrationId;
            }

            await store.ReleaseStaleSlotAsync(slot, cancellationToken);
        }

        return await store.ReadSlotAsync(draft.CustomerId, draft.SourceSubscriptionId, cancellationToken) ?? "";
    }

    private static MigrationState ResumePoint(MigrationRecord m) =>
        m.Purchase.CompletedAt is null ? MigrationState.Purchasing
        : m.Purchase.ProvisionedAt is null ? MigrationState.AwaitingProvisioning
        : m.Licences.CompletedAt is null ? MigrationState.MovingLicences
        : m.Suspension.SuspendedAt is null ? MigrationState.Suspending
        : MigrationState.Verifying;

    private Task AuditAsync(MigrationRecord m, SellerIdentity actor, string? partnerCenterUserId, string operation, string status, CancellationToken cancellationToken) =>
        audit.AppendAsync(
            new AuditEntry
            {
                MigrationId = m.Id, At = time.GetUtcNow(), Kind = AuditKind.Decision, Operation = operation, Actor = actor,
                PartnerCenterUserId = partnerCenterUserId, CorrelationId = m.CorrelationId, Status = status,
            },
            cancellationToken);
}
