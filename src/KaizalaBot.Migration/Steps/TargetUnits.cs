using KaizalaBot.Migration.PartnerCenterAccess;
using KaizalaBot.PartnerCenter.Models;

namespace KaizalaBot.Migration.Steps;

/// <summary>Reads the tenant's licence pool for the target SKU (the baseline before buying, the units after).</summary>
internal static class TargetUnits
{
    public static async Task<SubscribedSku?> ReadAsync(StepContext context, CancellationToken cancellationToken)
    {
        var migration = context.Migration;
        var skus = await context.PartnerCenter.CallAsync(
            context.Scope, "subscribedskus.list", migration.CustomerId,
            (client, ct) => client.GetSubscribedSkusAsync(migration.CustomerId, ct), cancellationToken);
        return skus.Items.FirstOrDefault(s => string.Equals(s.ProductSku.Id, migration.TargetSkuId, StringComparison.OrdinalIgnoreCase));
    }
}
