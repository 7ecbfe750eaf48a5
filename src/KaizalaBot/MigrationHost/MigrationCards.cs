using System.Globalization;
using KaizalaBot.BotFramework.Schema;
using KaizalaBot.Cards;
using KaizalaBot.Cards.Models;
using KaizalaBot.Localization;
using KaizalaBot.Migration.Catalog;
using KaizalaBot.Migration.Jobs;
using KaizalaBot.Migration.Notifications;
using KaizalaBot.Migration.Planning;

namespace KaizalaBot.MigrationHost;

/// <summary>
/// A migration's card from its record: the progress of A, provisioning, B, C and verification while it runs, what
/// needs attention and what to do, and the summary once finished (new subscription, users moved, failures with their
/// reasons, suspension and deprovisioning dates). Actions only for the seller who started it.
/// </summary>
internal sealed class MigrationCards(MigrationService migrations, PlanCatalogue catalogue, CardRenderer cards)
{
    private const int FailuresShown = 10;

    private const string Done = "✅";
    private const string Current = "⏳";
    private const string Waiting = "▫️";
    private const string Stopped = "⚠️";

    public async Task<Attachment> RenderAsync(
        MigrationRecord migration, TextTable texts, SellerIdentity? viewer, MigrationProgress? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(migration);
        ArgumentNullException.ThrowIfNull(texts);
        var owner = viewer is not null && IsOwner(migration, viewer);
        var moved = progress?.UsersMoved ?? migration.Licences.Moved;
        var failed = progress?.UsersFailed ?? migration.Licences.Failed;
        var total = progress?.UsersTotal ?? migration.UserCount;
        var state = migration.State;
        var usersFailedAttention = state == MigrationState.NeedsAttention && migration.Attention?.Code == MessageCodes.AttentionUsersFailed;
        var failures = failed > 0 && !state.IsRunnable() ? await FailuresAsync(migration.Id, texts, cancellationToken) : [];
        var model = new MigrationCardModel
        {
            MigrationId = migration.Id,
            Title = texts.Format("migrationCardTitle", migration.CustomerName ?? migration.CustomerId, PlanName(migration)),
            StateText = StateText(migration, texts, moved, failed, total),
            StateColor = state switch
            {
                MigrationState.Completed => "Good",
                MigrationState.CompletedWithFailures or MigrationState.AwaitingApproval => "Warning",
                MigrationState.NeedsAttention or MigrationState.Cancelled => "Attention",
                _ => "Default",
            },
            Facts = Facts(migration, texts),
            Stages = Stages(migration, texts, moved, failed, total),
            Outage = state.IsRunnable() && migration.Outage is { } outage ? OutageText(outage, texts) : "",
            Attention = state == MigrationState.NeedsAttention && migration.Attention is { } reason ? texts.Text(reason) : "",
            AttentionAction = state == MigrationState.NeedsAttention && migration.Attention is { } why ? texts.Action(why) ?? "" : "",
            Failures = [.. failures.Take(FailuresShown)],
            MoreFailures = failures.Count > FailuresShown ? texts.Format("migrationMoreFailures", failures.Count - FailuresShown) : "",
            Summary = Summary(migration, texts, moved),
            Note = viewer is not null && !owner ? texts.Format("migrationNotYours", migration.RequestedBy.DisplayName) : "",
            CanCancel = owner && migration.CancelRequestedBy is null
                && (state.IsRunnable() || state is MigrationState.AwaitingApproval or MigrationState.NeedsAttention),
            CanRetryFailed = owner && usersFailedAttention && migration.Purchase.ProvisionedAt is not null,
            CanAcceptRemainder = owner && usersFailedAttention,
            CanResume = owner && state == MigrationState.NeedsAttention && !usersFailedAttention,
            CanRefresh = !state.IsTerminal(),
        };
        return cards.Render(CardTemplate.Migration, texts, model);
    }

    public static bool IsOwner(MigrationRecord migration, SellerIdentity seller) =>
        string.Equals(migration.RequestedBy.AadObjectId, seller.AadObjectId, StringComparison.OrdinalIgnoreCase)
        && string.Equals(migration.RequestedBy.TenantId, seller.TenantId, StringComparison.OrdinalIgnoreCase);

    public string PlanName(MigrationRecord migration) => catalogue.Find(migration.PlanId)?.Name ?? migration.PlanId;

    public static string StateText(MigrationRecord migration, TextTable texts, int moved, int failed, int total)
    {
        var text = migration.State switch
        {
            MigrationState.MovingLicences => texts.Format("migrationStateMovingLicences", moved, total, failed),
            MigrationState.CompletedWithFailures => texts.Format("migrationStateCompletedWithFailures", failed),
            MigrationState.Cancelled when migration.Approval is { Approved: false } rejection => texts.Format("migrationStateRejected", rejection.By.DisplayName),
            var other => texts[$"migrationState{other}"],
        };
        return migration.CancelRequestedBy is not null && migration.State.IsRunnable() ? $"{text} {texts["migrationStateCancelling"]}" : text;
    }

    // Only while the migration can still run: a migration that finished, needs attention or was cancelled has its own
    // words (and its saves cleared the outage anyway). The first failure's date shows only when it is not the next attempt's.
    private static string OutageText(PartnerCenterOutage outage, TextTable texts) =>
        texts.Format(
            "migrationOutage",
            outage.Since.UtcDateTime.Date == outage.NextAttemptAt.UtcDateTime.Date ? texts.Time(outage.Since) : texts.DateTime(outage.Since),
            outage.StatusCode is { } status ? texts.Format("migrationOutageStatus", status.ToString(CultureInfo.InvariantCulture)) : texts["migrationOutageNoAnswer"],
            texts.Time(outage.NextAttemptAt));

    private List<CardFact> Facts(MigrationRecord migration, TextTable texts)
    {
        var facts = new List<CardFact>
        {
            new(texts["migrationFactCustomer"], migration.CustomerName ?? migration.CustomerId),
            new(texts["migrationFactSource"], migration.SourceSubscriptionId),
            new(texts["migrationFactPlan"], PlanName(migration)),
            new(texts["migrationFactLicences"], texts.Format(
                migration.PurchaseKind == PurchaseKind.AddSeats ? "migrationLicencesAdded" : "migrationLicencesNew", migration.LicenceCount)),
            new(texts["migrationFactUsers"], texts.Number(migration.UserCount)),
            new(texts["migrationFactStartedBy"], $"{migration.RequestedBy.DisplayName}, {texts.DateTime(migration.CreatedAt)}"),
        };
        if (migration.Approval is { } decision)
        {
            facts.Add(new(texts[decision.Approved ? "migrationFactApprovedBy" : "migrationFactRejectedBy"],
                decision.Comment is { Length: > 0 } comment ? $"{decision.By.DisplayName}: {comment}" : decision.By.DisplayName));
        }

        facts.Add(new(texts["migrationFactId"], migration.Id));
        return facts;
    }

    private static List<StageLine> Stages(MigrationRecord m, TextTable texts, int moved, int failed, int total)
    {
        var at = m.State == MigrationState.NeedsAttention ? m.ResumeAt ?? Stuck(m) : m.State;
        var mark = m.State == MigrationState.NeedsAttention ? Stopped : Current;
        StageLine Line(MigrationState stage, bool done, string doneText, string todoText) =>
            done ? new(Done, doneText, false) : at == stage ? new(mark, todoText, true) : new(Waiting, todoText, false);

        var purchase = m.PurchaseKind == PurchaseKind.AddSeats
            ? Line(MigrationState.Purchasing, m.Purchase.CompletedAt is not null,
                texts.Format("migrationStageSeatsAdded", m.Purchase.SeatsBought, m.Purchase.SubscriptionId ?? m.ExistingSubscriptionId),
                texts.Format("migrationStageAddSeats", m.LicenceCount))
            : Line(MigrationState.Purchasing, m.Purchase.CompletedAt is not null,
                Bought(m.Purchase, texts),
                texts.Format("migrationStageBuy", m.LicenceCount));
        return
        [
            purchase,
            Line(MigrationState.AwaitingProvisioning, m.Purchase.ProvisionedAt is not null, texts["migrationStageProvisioned"], texts["migrationStageProvisioning"]),
            Line(MigrationState.MovingLicences, m.Licences.CompletedAt is not null,
                texts.Format("migrationStageMoved", moved, total, failed),
                texts.Format("migrationStageMoving", moved, total, failed)),
            Line(MigrationState.Suspending, m.Suspension.SuspendedAt is not null,
                texts.Format("migrationStageSuspended", m.Suspension.SuspendedAt is { } on ? texts.Date(on) : ""), texts["migrationStageSuspend"]),
            Line(MigrationState.Verifying, m.Verification is not null, texts["migrationStageVerified"], texts["migrationStageVerify"]),
        ];
    }

    // A new subscription has no id until Microsoft provisions it (checkout answers a pending order without one): until
    // then the order is what Partner Center and the partner's staff can look it up by.
    private static string Bought(PurchaseProgress purchase, TextTable texts) =>
        purchase switch
        {
            { SubscriptionId: { } subscription } => texts.Format("migrationStageBought", purchase.SeatsBought, subscription),
            { OrderId: { } order } => texts.Format("migrationStageBoughtOrder", purchase.SeatsBought, order),
            _ => texts.Format("migrationStageBoughtPending", purchase.SeatsBought),
        };

    // Where a migration that needs attention stopped: the first stage not done.
    private static MigrationState Stuck(MigrationRecord m) =>
        m.Purchase.CompletedAt is null ? MigrationState.Purchasing
        : m.Purchase.ProvisionedAt is null ? MigrationState.AwaitingProvisioning
        : m.Licences.CompletedAt is null ? MigrationState.MovingLicences
        : m.Suspension.SuspendedAt is null ? MigrationState.Suspending
        : MigrationState.Verifying;

    private static List<string> Summary(MigrationRecord m, TextTable texts, int moved)
    {
        var lines = new List<string>();
        if (m.State is MigrationState.Completed or MigrationState.CompletedWithFailures)
        {
            lines.Add(texts.Format("migrationSummarySubscription", m.Purchase.SubscriptionId ?? m.ExistingSubscriptionId));
            lines.Add(texts.Format("migrationSummaryMoved", moved, m.UserCount));
            if (m.Suspension.SuspendedAt is { } suspended)
            {
                lines.Add(texts.Format("migrationSummarySuspended", texts.Date(suspended), m.Suspension.DeprovisionOn is { } gone ? texts.Date(gone) : ""));
            }

            if (m.Verification is { StillOnKaizala.Count: > 0 } verification)
            {
                lines.Add(texts.Format("migrationSummaryStillOnKaizala", verification.StillOnKaizala.Count));
            }
        }
        else if (m.State == MigrationState.Cancelled && m.Approval is not { Approved: false })
        {
            // A checkout started counts as bought: its order may complete after the cancellation.
            var bought = m.Purchase.CompletedAt is not null || m.Purchase.CheckoutStartedAt is not null || m.Purchase.OrderId is not null;
            lines.Add(texts[bought ? "migrationSummaryCancelledAfterPurchase" : "migrationSummaryCancelledNothingBought"]);
        }

        return lines;
    }

    private async Task<IReadOnlyList<FailureLine>> FailuresAsync(string migrationId, TextTable texts, CancellationToken cancellationToken) =>
        [.. (await migrations.GetUserOutcomesAsync(migrationId, cancellationToken))
            .Where(o => o.Status == UserMoveStatus.Failed && o.Failure is not null)
            .Select(o => new FailureLine(o.DisplayName ?? o.UserPrincipalName ?? o.UserId, texts.Text(o.Failure!), texts.Action(o.Failure!) ?? ""))];
}
