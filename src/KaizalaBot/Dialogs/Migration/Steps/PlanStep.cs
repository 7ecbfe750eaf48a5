using KaizalaBot.Cards;
using KaizalaBot.Cards.Models;
using KaizalaBot.Localization;
using KaizalaBot.Migration.Planning;

namespace KaizalaBot.Dialogs.Migration.Steps;

/// <summary>
/// Step 3: the replacement plan, the recommendation first with its reasons, the others grouped by family with their
/// seat limits (those that cannot take the users say why and cannot be chosen). Shown from the customer's subscriptions
/// and subscribed SKUs read when the seller chose it (<c>Migration:CustomerReadLifetime</c>), else two Partner Center
/// calls; none to choose.
/// </summary>
internal sealed class PlanStep(MigrationPlanner planner, MigrationSelections selections, CardRenderer cards) : IMigrationStep
{
    public MigrationStage Stage => MigrationStage.Plan;

    public IReadOnlyCollection<string> Verbs { get; } = [CardVerbs.ChoosePlan];

    public async Task<StepCard> ShowAsync(MigrationTurn turn, CancellationToken cancellationToken)
    {
        var (state, texts) = (turn.State, turn.Texts);
        var options = await OptionsAsync(state, cancellationToken);
        var language = BotLanguages.Code(texts.Language);
        var recommended = options.FirstOrDefault(o => o.IsRecommended);
        var others = options.Where(o => o != recommended).ToList();
        var families = others
            .GroupBy(o => o.Plan.Family)
            .OrderBy(g => g.Key)
            .Select(g => new PlanFamilyGroup(texts[$"migrationFamily{g.Key}"], [.. g.Select(o => new PlanLine(Line(texts, o), o.IsAllowed))]));
        var choices = others.Where(o => o.IsAllowed).Select(o => new CardChoice($"{o.Plan.Name} ({texts[$"migrationFamily{o.Plan.Family}"]})", o.Plan.Id)).ToList();
        var model = new PlanCardModel(
            StepHeaders.For(turn, texts.Format("migrationPlanTitle", state.CustomerName)),
            recommended is not null,
            recommended is null ? null : new RecommendedPlan(
                recommended.Plan.Name,
                Line(texts, recommended),
                [.. recommended.Reasons.Select(r => "• " + texts.Text(r))],
                [.. recommended.Plan.Advantages.Select(a => "✓ " + a.For(language))]),
            [.. families],
            choices.Count > 0,
            choices,
            choices.FirstOrDefault()?.Value ?? "");
        var offered = options.Where(o => o.IsAllowed).ToList();
        return new StepCard(
            cards.Render(CardTemplate.MigrationPlan, texts, model),
            state with { Offered = [.. offered.Select(o => o.Plan.Id)], PlanChoices = [.. offered.Select(Choice)], RecommendedPlanId = recommended?.Plan.Id });
    }

    public async Task<StepOutcome> HandleAsync(MigrationTurn turn, CardAnswer answer, CancellationToken cancellationToken)
    {
        var (state, texts) = (turn.State, turn.Texts);
        var planId = answer.RequiredText("choice") switch
        {
            "recommended" => state.RecommendedPlanId,
            "other" => answer.RequiredText("otherPlan"),
            _ => null,
        };
        if (planId is null || !state.Offered.Contains(planId, StringComparer.Ordinal))
        {
            return StepOutcome.Show(state.Say(texts["migrationNotOffered"]));
        }

        // As the card showed it (new subscription or seats added): Partner Center was read for that card a click ago, and
        // the review reads it again for the checks the seller confirms. A dialog saved before choices were kept reads it.
        var chosen = state.PlanChoices.FirstOrDefault(c => c.PlanId == planId);
        if (chosen is null)
        {
            var option = (await OptionsAsync(state, cancellationToken)).FirstOrDefault(o => o.Plan.Id == planId);
            if (option is not { IsAllowed: true })
            {
                return StepOutcome.Show(state.Say(option is { Reasons: [var reason, ..] } ? texts.Text(reason) : texts["migrationNotOffered"]));
            }

            chosen = Choice(option);
        }

        return StepOutcome.Show(state.GoTo(MigrationStage.LicenceCount) with { Plan = chosen, PlanChoices = [], LicenceCount = null, PreviewKey = null });
    }

    private static ChosenPlan Choice(PlanOption option) =>
        new(option.Plan.Id, option.PurchaseKind, option.Existing?.SubscriptionId, option.Existing?.Quantity ?? 0, option.Existing?.FreeSeats ?? 0);

    private async Task<IReadOnlyList<PlanOption>> OptionsAsync(MigrationDialogState state, CancellationToken cancellationToken) =>
        await planner.GetPlanOptionsAsync(state.CustomerId!, await selections.CountAsync(state, cancellationToken), cancellationToken);

    private static string Line(TextTable texts, PlanOption option)
    {
        var limit = option.Plan.MaximumSeats is { } max
            ? texts.Format("migrationPlanLimit", option.Plan.Name, max)
            : texts.Format("migrationPlanNoLimit", option.Plan.Name);
        if (!option.IsAllowed)
        {
            return $"{limit} — {string.Join(" ", option.Reasons.Select(texts.Text))}";
        }

        return option is { PurchaseKind: PurchaseKind.AddSeats, Existing: { } held }
            ? $"{limit} — {texts.Format("migrationPlanAddSeats", held.Quantity, held.FreeSeats)}"
            : limit;
    }
}
