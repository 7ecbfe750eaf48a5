using KaizalaBot.Cards;
using KaizalaBot.Cards.Models;
using KaizalaBot.Localization;
using KaizalaBot.Migration.Catalog;
using KaizalaBot.Migration.Planning;

namespace KaizalaBot.Dialogs.Migration.Steps;

/// <summary>
/// Step 4: how many licences to buy (or seats to add), by default exactly what the users to move need, with the limits
/// explained. A count the rules refuse (below the users, above the plan's seats per subscription, zero, negative, not a
/// number) stays here with the reason.
/// </summary>
internal sealed class LicenceCountStep(PlanCatalogue catalogue, MigrationSelections selections, CardRenderer cards) : IMigrationStep
{
    // Far above any plan's limit; a bigger "number" is a typo or a forged card, refused before any rule is applied.
    private const long Implausible = 1_000_000;

    public MigrationStage Stage => MigrationStage.LicenceCount;

    public IReadOnlyCollection<string> Verbs { get; } = [CardVerbs.SetLicenceCount];

    public async Task<StepCard> ShowAsync(MigrationTurn turn, CancellationToken cancellationToken)
    {
        var (state, texts) = (turn.State, turn.Texts);
        var (plan, existing) = Target(state);
        var users = await selections.CountAsync(state, cancellationToken);
        var decision = LicenceCountRules.Check(plan, users, state.LicenceCount ?? 0, existing);
        var maximum = decision.Maximum ?? (int)Implausible;
        var explanations = new List<string>();
        if (existing is null)
        {
            explanations.Add(texts.Format("migrationCountUsers", users, decision.Minimum));
        }
        else
        {
            explanations.Add(texts.Format("migrationCountExisting", plan.Name, existing.Quantity, existing.FreeSeats));
            explanations.Add(texts.Format("migrationCountToAdd", users, decision.Minimum));
        }

        explanations.Add(plan.MaximumSeats is { } max
            ? texts.Format("migrationCountPlanLimit", plan.Name, max)
            : texts.Format("migrationPlanNoLimit", plan.Name));
        if (state.Subscription is { UnassignedSeats: > 0 } source)
        {
            explanations.Add(texts.Format("migrationCountUnassigned", source.UnassignedSeats));
        }

        var impossible = decision.Minimum > maximum ? LicenceCountRules.Check(plan, users, decision.Minimum, existing).Reason : null;
        var shownState = impossible is null ? state : state.Say($"{texts.Text(impossible)} {texts.Action(impossible)}");
        var model = new LicenceCountCardModel(
            StepHeaders.For(texts, shownState, texts.Format("migrationCountTitle", plan.Name)),
            explanations,
            texts[existing is null ? "migrationCountLabelNew" : "migrationCountLabelAdd"],
            state.LicenceCount ?? decision.Minimum,
            existing is null ? Math.Max(1, plan.MinimumSeats) : 0,
            maximum);
        return new StepCard(cards.Render(CardTemplate.MigrationLicenceCount, texts, model), state);
    }

    public async Task<StepOutcome> HandleAsync(MigrationTurn turn, CardAnswer answer, CancellationToken cancellationToken)
    {
        var (state, texts) = (turn.State, turn.Texts);
        var requested = answer.WholeNumber("licenceCount", out var present);
        var refusal = (present, requested) switch
        {
            (false, _) => texts["migrationCountMissing"],
            (_, null) => texts["migrationCountNotANumber"],
            (_, < 0) => texts["migrationCountNegative"],
            (_, > Implausible) => texts.Format("migrationCountImplausible", Implausible),
            _ => null,
        };
        if (refusal is not null)
        {
            return StepOutcome.Show(state.Say(refusal));
        }

        var (plan, existing) = Target(state);
        var count = (int)requested!.Value;
        if (count == 0 && existing is null)
        {
            return StepOutcome.Show(state.Say(texts["migrationCountZero"]));
        }

        var decision = LicenceCountRules.Check(plan, await selections.CountAsync(state, cancellationToken), count, existing);
        return decision.IsAllowed
            ? StepOutcome.Show(state.GoTo(MigrationStage.Users) with { LicenceCount = count, PreviewKey = null })
            : StepOutcome.Show(state.Say($"{texts.Text(decision.Reason!)} {texts.Action(decision.Reason!)}"));
    }

    private (ReplacementPlan Plan, HeldPlan? Existing) Target(MigrationDialogState state)
    {
        var chosen = state.Plan ?? throw new InvalidOperationException("The licence count step needs a chosen plan.");
        var plan = catalogue.Find(chosen.PlanId) ?? throw new InvalidOperationException($"Plan {chosen.PlanId} left the catalogue.");
        var existing = chosen is { Kind: PurchaseKind.AddSeats, ExistingSubscriptionId: { } id }
            ? new HeldPlan(plan, id, chosen.ExistingQuantity, chosen.ExistingFreeSeats)
            : null;
        return (plan, existing);
    }
}
