using System.Text.Json;
using System.Text.Json.Serialization;

namespace KaizalaBot.PartnerCenter.Models;

// The SDK keeps Sku.DynamicAttributes as a free-form dictionary; the one attribute the migration needs is typed,
// the rest stays as the service sent it.
public sealed record SkuDynamicAttributes
{
    // The Entra skuId (productSku.id in /subscribedskus), e.g. 3b555118-da6a-4418-894f-7df1e2096870 for Business Basic.
    public string? ProvisioningId { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; init; }
}
