using KaizalaBot.Migration.Catalog;
using Microsoft.Extensions.Options;

namespace KaizalaBot.Migration.Planning;

/// <summary>
/// Orders the catalogue for one customer, recommendation first: education tenants get A plans, frontline-heavy ones
/// F3, up to 300 users Business, otherwise Enterprise; a plan the customer already holds is proposed as "add seats";
/// a plan whose seat limit the count breaks is never recommended. Pure: no Partner Center call.
/// </summary>
public sealed class PlanRecommender(PlanCatalogue catalogue, IOptions<MigrationOptions> options)
{
    private const int BusinessLimit = 300;

    private readonly double _frontlineThreshold = options.Value.FrontlineShareThreshold;

    public IReadOnlyList<PlanOption> Recommend(TenantProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var (family, familyReason) = PreferredFamily(profile);
        var options = catalogue.Plans.Select(plan => Evaluate(plan, profile)).ToList();

        // A held plan that can take the users wins: no new subscription, one licence type fewer to manage.
        var recommended = options
            .Where(o => o.IsAllowed && o.PurchaseKind == PurchaseKind.AddSeats)
            .OrderBy(o => o.Plan.Family == family ? 0 : 1).ThenBy(o => o.Plan.Rank)
            .FirstOrDefault()
            ?? options.Where(o => o.IsAllowed && o.Plan.Family == family).MinBy(o => o.Plan.Rank)
            ?? options.Where(o => o.IsAllowed).MinBy(o => o.Plan.Rank);

        return [.. options
            .Select(o => o == recommended
                ? o with { IsRecommended = true, Reasons = [familyReason, .. o.Reasons] }
                : o)
            .OrderByDescending(o => o.IsRecommended)
            .ThenByDescending(o => o.IsAllowed)
            .ThenBy(o => o.Plan.Family == family ? 0 : 1)
            .ThenBy(o => o.Plan.Family)
            .ThenBy(o => o.Plan.Rank)];
    }

    private (PlanFamily Family, MigrationMessage Reason) PreferredFamily(TenantProfile profile)
    {
        if (profile.IsEducation)
        {
            return (PlanFamily.Education, MigrationMessage.Of(MessageCodes.RecommendEducation));
        }

        if (profile.FrontlineShare >= _frontlineThreshold)
        {
            return (PlanFamily.Frontline, MigrationMessage.Of(
                MessageCodes.RecommendFrontline, ("percent", (int)Math.Round(profile.FrontlineShare * 100))));
        }

        return profile.UsersToMove <= BusinessLimit
            ? (PlanFamily.Business, MigrationMessage.Of(MessageCodes.RecommendBusiness, ("users", profile.UsersToMove), ("limit", BusinessLimit)))
            : (PlanFamily.Enterprise, MigrationMessage.Of(MessageCodes.RecommendEnterprise, ("users", profile.UsersToMove), ("limit", BusinessLimit)));
    }

    private static PlanOption Evaluate(ReplacementPlan plan, TenantProfile profile)
    {
        if (plan.Family == PlanFamily.Education && !profile.IsEducation)
        {
            return Refused(plan, MigrationMessage.Of(MessageCodes.PlanEducationOnly));
        }

        var held = profile.HeldPlans.FirstOrDefault(h => h.Plan.Id == plan.Id);
        if (held is not null)
        {
            var needed = Math.Max(0, profile.UsersToMove - held.FreeSeats);
            var total = held.Quantity + needed;
            return plan.AllowsSeats(total)
                ? new PlanOption
                {
                    Plan = plan, IsRecommended = false, IsAllowed = true, PurchaseKind = PurchaseKind.AddSeats, Existing = held,
                    Reasons = [MigrationMessage.Of(MessageCodes.RecommendHeldPlan, ("quantity", held.Quantity), ("free", held.FreeSeats), ("add", needed))],
                }
                : Refused(plan, MigrationMessage.Of(MessageCodes.PlanSeatLimit, ("users", total), ("maximum", plan.MaximumSeats ?? 0)));
        }

        return plan.AllowsSeats(Math.Max(profile.UsersToMove, plan.MinimumSeats))
            ? new PlanOption { Plan = plan, IsRecommended = false, IsAllowed = true, PurchaseKind = PurchaseKind.NewSubscription }
            : Refused(plan, MigrationMessage.Of(MessageCodes.PlanSeatLimit, ("users", profile.UsersToMove), ("maximum", plan.MaximumSeats ?? 0)));
    }

    private static PlanOption Refused(ReplacementPlan plan, MigrationMessage reason) =>
        new() { Plan = plan, IsRecommended = false, IsAllowed = false, PurchaseKind = PurchaseKind.NewSubscription, Reasons = [reason] };
}
