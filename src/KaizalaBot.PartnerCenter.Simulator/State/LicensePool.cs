using KaizalaBot.PartnerCenter.Simulator.Catalog;

namespace KaizalaBot.PartnerCenter.Simulator.State;

/// <summary>
/// /subscribedskus derived from the tenant: active subscriptions give active units, suspended ones give suspended
/// units that cannot be assigned, and every user holding the SKU consumes one (reference §6.3, §3.4).
/// </summary>
internal sealed record LicensePool(CatalogPlan Plan, int ActiveUnits, int SuspendedUnits, int ConsumedUnits)
{
    public int AvailableUnits => ActiveUnits - ConsumedUnits;

    public static IReadOnlyList<LicensePool> For(TenantState tenant)
    {
        var skuIds = tenant.Subscriptions.Values.Where(s => s.Status is "active" or "suspended").Select(s => s.SkuId)
            .Concat(tenant.Users.Values.SelectMany(u => u.AssignedSkuIds))
            .Distinct(StringComparer.OrdinalIgnoreCase);
        var pools = new List<LicensePool>();
        foreach (var skuId in skuIds)
        {
            if (PlanCatalog.FindBySkuId(skuId) is { } plan)
            {
                pools.Add(ForSku(tenant, plan));
            }
        }

        return pools;
    }

    public static LicensePool ForSku(TenantState tenant, CatalogPlan plan)
    {
        var subscriptions = tenant.Subscriptions.Values.Where(s => string.Equals(s.SkuId, plan.SkuId, StringComparison.OrdinalIgnoreCase)).ToList();
        return new LicensePool(
            plan,
            subscriptions.Where(s => s.Status == "active").Sum(s => s.Quantity),
            subscriptions.Where(s => s.Status == "suspended").Sum(s => s.Quantity),
            tenant.Users.Values.Count(u => u.AssignedSkuIds.Contains(plan.SkuId, StringComparer.OrdinalIgnoreCase)));
    }
}
