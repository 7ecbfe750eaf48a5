using Microsoft.Extensions.Options;

namespace KaizalaBot.Migration.Catalog;

/// <summary>The replacement plans on offer: the defaults with the partner's configured overrides applied.</summary>
public sealed class PlanCatalogue
{
    public PlanCatalogue(IOptions<MigrationOptions> options)
    {
        var overrides = options.Value.Plans;
        Plans = [.. DefaultPlans.All
            .Select(plan => overrides.FirstOrDefault(o => string.Equals(o.Id, plan.Id, StringComparison.OrdinalIgnoreCase)) is { } o
                ? Apply(plan, o)
                : plan)
            .OfType<ReplacementPlan>()];
    }

    public IReadOnlyList<ReplacementPlan> Plans { get; }

    public ReplacementPlan? Find(string planId) =>
        Plans.FirstOrDefault(p => string.Equals(p.Id, planId, StringComparison.OrdinalIgnoreCase));

    public ReplacementPlan? FindBySkuId(string skuId) =>
        Plans.FirstOrDefault(p => string.Equals(p.SkuId, skuId, StringComparison.OrdinalIgnoreCase));

    private static ReplacementPlan? Apply(ReplacementPlan plan, PlanOverrideOptions o) =>
        !o.Enabled
            ? null
            : plan with
            {
                ProductId = o.ProductId ?? plan.ProductId,
                SkuCode = o.SkuCode ?? plan.SkuCode,
                SkuId = o.SkuId ?? plan.SkuId,
                MaximumSeats = o.MaximumSeats ?? plan.MaximumSeats,
            };
}
