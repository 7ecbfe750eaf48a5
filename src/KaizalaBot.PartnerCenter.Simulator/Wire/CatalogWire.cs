using System.Text.Json.Nodes;
using KaizalaBot.PartnerCenter.Simulator.Catalog;

namespace KaizalaBot.PartnerCenter.Simulator.Wire;

/// <summary>Offer (legacy), Product, Sku, Availability (reference §4.1, §4.2).</summary>
internal static class CatalogWire
{
    public static JsonObject Offer(CatalogPlan plan, string country) => new()
    {
        ["id"] = plan.LegacyOfferId,
        ["name"] = plan.Title,
        ["description"] = plan.Title,
        ["minimumQuantity"] = 1,
        ["maximumQuantity"] = plan.MaximumQuantity,
        ["rank"] = 100,
        ["uri"] = $"/offers/{plan.LegacyOfferId}",
        ["locale"] = "en-US",
        ["country"] = country,
        ["category"] = new JsonObject { ["id"] = "Enterprise", ["name"] = "Enterprise", ["rank"] = 10, ["locale"] = "en-US", ["country"] = country },
        ["prerequisiteOffers"] = new JsonArray(),
        ["isAddOn"] = false,
        // Legacy licence offers stopped being purchasable after the NCE transition (reference §4.1).
        ["isAvailableForPurchase"] = false,
        ["billing"] = "license",
        ["supportedBillingCycles"] = new JsonArray("annual", "monthly"),
        ["isAutoRenewable"] = plan.IsPurchasable,
        ["upgradeTargetOffers"] = new JsonArray(),
        ["conversionTargetOffers"] = new JsonArray(),
        ["isTrial"] = false,
        ["hasAddOns"] = false,
        ["product"] = new JsonObject { ["id"] = plan.SkuId, ["name"] = plan.Title, ["unit"] = "Licenses" },
        ["unitType"] = "Licenses",
        ["links"] = new JsonObject { ["self"] = WireJson.Link($"/offers/{plan.LegacyOfferId}?country={country}") },
        ["attributes"] = WireJson.Attributes("Offer"),
    };

    public static JsonObject Product(CatalogPlan plan, string country) => new()
    {
        ["id"] = plan.ProductId,
        ["title"] = plan.Title,
        ["description"] = plan.Title,
        // NCE licence-based products (reference §4.2, get-a-product-by-id).
        ["productType"] = new JsonObject { ["id"] = "OnlineServicesNCE", ["displayName"] = "OnlineServicesNCE" },
        ["isMicrosoftProduct"] = true,
        ["publisherName"] = "Microsoft Corporation",
        ["links"] = new JsonObject
        {
            ["skus"] = WireJson.Link($"/products/{plan.ProductId}/skus?country={country}"),
            ["self"] = WireJson.Link($"/products/{plan.ProductId}?country={country}"),
        },
        ["attributes"] = WireJson.Attributes("Product"),
    };

    public static JsonObject Sku(CatalogPlan plan, string country) => new()
    {
        ["id"] = plan.SkuCode,
        ["productId"] = plan.ProductId,
        ["title"] = plan.Title,
        ["description"] = plan.Title,
        ["minimumQuantity"] = 1,
        ["maximumQuantity"] = plan.MaximumQuantity,
        ["isTrial"] = false,
        ["supportedBillingCycles"] = new JsonArray("annual", "monthly"),
        ["purchasePrerequisites"] = new JsonArray("MicrosoftCloudAgreement"),
        ["inventoryVariables"] = new JsonArray(),
        ["provisioningVariables"] = new JsonArray(),
        // provisioningId is the Entra skuId, the join to /subscribedskus and licenseupdates (get-a-sku-by-id).
        ["dynamicAttributes"] = new JsonObject
        {
            ["isMicrosoftProduct"] = true,
            ["hasConstraints"] = plan.MaximumQuantity == PlanCatalog.BusinessMaximumQuantity,
            ["isAddon"] = false,
            ["prerequisiteSkus"] = new JsonArray(),
            ["isSoftwareAssuranceApplicable"] = false,
            ["upgradeTargetOffers"] = new JsonArray(),
            ["provisioningId"] = plan.SkuId,
            ["internal"] = false,
        },
        ["links"] = new JsonObject
        {
            ["availabilities"] = WireJson.Link($"/products/{plan.ProductId}/skus/{plan.SkuCode}/availabilities?country={country}"),
            ["self"] = WireJson.Link($"/products/{plan.ProductId}/skus/{plan.SkuCode}?country={country}"),
        },
        ["attributes"] = WireJson.Attributes("Sku"),
    };

    public static JsonObject Availability(CatalogPlan plan, string country)
    {
        var (code, symbol) = Market.Currency(country);
        return new JsonObject
        {
            ["id"] = plan.AvailabilityId,
            ["productId"] = plan.ProductId,
            ["skuId"] = plan.SkuCode,
            ["catalogItemId"] = plan.CatalogItemId,
            ["defaultCurrency"] = new JsonObject { ["code"] = code, ["symbol"] = symbol },
            ["segment"] = plan.Segment,
            ["country"] = country,
            ["isPurchasable"] = plan.IsPurchasable,
            ["isRenewable"] = true,
            ["terms"] = new JsonArray(
                Term("P1M", "One-Month commitment for monthly/systematic billing", "monthly"),
                Term("P1Y", "One-Year commitment for monthly/systematic billing", "monthly"),
                Term("P1Y", "One-Year commitment for yearly/upfront billing", "annual")),
            ["links"] = new JsonObject
            {
                ["self"] = WireJson.Link($"/products/{plan.ProductId}/skus/{plan.SkuCode}/availabilities/{plan.AvailabilityId}?country={country}"),
            },
            ["attributes"] = WireJson.Attributes("Availability"),
        };
    }

    private static JsonObject Term(string duration, string description, string billingCycle) => new()
    {
        ["duration"] = duration,
        ["description"] = description,
        ["billingCycle"] = billingCycle,
    };
}
