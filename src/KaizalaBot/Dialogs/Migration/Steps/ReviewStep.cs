using KaizalaBot.Cards;
using KaizalaBot.Cards.Models;
using KaizalaBot.Dialogs.Migration.Preparation;
using KaizalaBot.Localization;
using KaizalaBot.Migration.Catalog;
using KaizalaBot.Migration.Planning;

namespace KaizalaBot.Dialogs.Migration.Steps;

/// <summary>
/// Step 6: what A, B and C will do and every pre-flight finding, checked with the users as read at step 5 (a few calls);
/// blocking findings disable Confirm and say what to fix. <em>Preview</em> runs every check again, each user read
/// afresh, in the background (the card shows its progress), and buys nothing. <em>Confirm</em> is
/// <see cref="MigrationConfirmation"/>.
/// </summary>
internal sealed class ReviewStep(
    MigrationPlanner planner, MigrationSelections selections, PreviewPreparer previews, MigrationConfirmation confirmation, PlanCatalogue catalogue,
    CardRenderer cards, TimeProvider time) : IMigrationStep
{
    public MigrationStage Stage => MigrationStage.Review;

    public IReadOnlyCollection<string> Verbs { get; } = [CardVerbs.Confirm, CardVerbs.Preview, CardVerbs.Refresh];

    public async Task<StepCard> ShowAsync(MigrationTurn turn, CancellationToken cancellationToken)
    {
        var (state, texts) = (turn.State, turn.Texts);
        if (await selections.HoldersAsync(state, cancellationToken) is not { } holders)
        {
            // The user list went missing (another instance restarted its read): the users step shows its progress.
            return StepCard.Waiting(state.GoTo(MigrationStage.Users), new LiveView(LiveViewKind.Users, UserListPreparer.Key(state.CustomerId!), state.CustomerName ?? "", MigrationStage.Users));
        }

        var draft = MigrationDrafts.Build(turn, MigrationSelections.Selected(state, holders));
        PreviewOutcome? full = null;
        if (state.PreviewKey is { } key && key == PreviewPreparer.Key(draft))
        {
            var read = await previews.ReadAsync(key, cancellationToken);
            if (read is null or { Status: PreparationStatus.Running })
            {
                return StepCard.Waiting(state, new LiveView(LiveViewKind.Preview, key, state.CustomerName ?? "", Stage));
            }

            full = read.Value;
            if (read.Status == PreparationStatus.Failed)
            {
                state = state.Say(texts.Format("migrationPreviewFailed", read.Failure));
            }
        }

        var check = full is null ? await planner.PreviewAsync(draft, cancellationToken) : null;
        var findings = full?.Findings ?? check!.Findings;
        var canConfirm = findings.All(f => f.Severity != FindingSeverity.Blocks);
        var model = new ReviewCardModel(
            StepHeaders.For(texts, state, texts.Format("migrationReviewTitle", state.CustomerName)),
            Facts(state, draft, texts),
            Steps(state, draft, texts),
            full is { } done
                ? texts.Format("migrationPreviewDone", texts.DateTime(done.CheckedAt), done.UsersChecked)
                : texts.Format("migrationPreviewHint", texts.DateTime(check!.UsersReadAt)),
            [.. findings.Where(f => f.Severity == FindingSeverity.Blocks).Select(f => Line(texts, f))],
            [.. findings.Where(f => f.Severity == FindingSeverity.Warns).Select(f => Line(texts, f))],
            [.. findings.Where(f => f.Severity == FindingSeverity.Info).Select(f => texts.Text(f.Message))],
            canConfirm);
        return new StepCard(cards.Render(CardTemplate.MigrationReview, texts, model), state);
    }

    public async Task<StepOutcome> HandleAsync(MigrationTurn turn, CardAnswer answer, CancellationToken cancellationToken)
    {
        var state = turn.State;
        switch (answer.Verb)
        {
            case CardVerbs.Preview:
                if (await selections.HoldersAsync(state, cancellationToken) is not { } holders)
                {
                    return StepOutcome.Show(state.GoTo(MigrationStage.Users));
                }

                var draft = MigrationDrafts.Build(turn, MigrationSelections.Selected(state, holders));
                await previews.StartAsync(draft, cancellationToken);
                return StepOutcome.Show(state with { PreviewKey = PreviewPreparer.Key(draft) });
            case CardVerbs.Confirm:
                return await confirmation.ConfirmAsync(turn, cancellationToken);
            default:
                return StepOutcome.Show(state);
        }
    }

    private static FindingLine Line(TextTable texts, Finding finding) => new(texts.Text(finding.Message), texts.Action(finding.Message) ?? "");

    private List<CardFact> Facts(MigrationDialogState state, MigrationDraft draft, TextTable texts) =>
    [
        new(texts["migrationFactCustomer"], state.CustomerName ?? draft.CustomerId),
        new(texts["migrationFactSource"], state.Subscription?.FriendlyName ?? draft.SourceSubscriptionId),
        new(texts["migrationFactPlan"], catalogue.Find(draft.PlanId)?.Name ?? draft.PlanId),
        new(texts["migrationFactLicences"], texts.Format(
            draft.PurchaseKind == PurchaseKind.AddSeats ? "migrationLicencesAdded" : "migrationLicencesNew", draft.LicenceCount)),
        new(texts["migrationFactUsers"], texts.Number(draft.Users.Count)),
    ];

    private List<PlannedStep> Steps(MigrationDialogState state, MigrationDraft draft, TextTable texts)
    {
        var plan = catalogue.Find(draft.PlanId)?.Name ?? draft.PlanId;
        var buy = state.Plan is { Kind: PurchaseKind.AddSeats } existing
            ? draft.LicenceCount == 0
                ? texts.Format("migrationReviewNoSeats", plan, existing.ExistingFreeSeats)
                : texts.Format("migrationReviewAddSeats", draft.LicenceCount, plan,
                    existing.ExistingQuantity, existing.ExistingQuantity + draft.LicenceCount)
            : texts.Format("migrationReviewBuy", draft.LicenceCount, plan);
        return
        [
            new("A", buy),
            new("B", texts.Format("migrationReviewMove", draft.Users.Count, plan)),
            new("C", texts.Format("migrationReviewSuspend", state.Subscription?.FriendlyName ?? draft.SourceSubscriptionId, texts.Date(time.GetUtcNow().AddDays(120)))),
        ];
    }
}
