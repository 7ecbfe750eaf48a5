using System.Text.Json.Nodes;
using KaizalaBot.PartnerCenter.Simulator.Catalog;
using KaizalaBot.PartnerCenter.Simulator.State;

namespace KaizalaBot.PartnerCenter.Simulator.Wire;

/// <summary>CustomerUser, License, SubscribedSku, LicenseUpdate (reference §6).</summary>
internal static class LicenseWire
{
    public static JsonObject User(string customerId, UserRecord user)
    {
        var json = new JsonObject();
        if (user.UsageLocation is not null)
        {
            json["usageLocation"] = user.UsageLocation;
        }

        json["id"] = user.Id;
        json["userPrincipalName"] = user.UserPrincipalName;
        json["firstName"] = user.FirstName;
        json["lastName"] = user.LastName;
        json["displayName"] = user.DisplayName;
        json["userDomainType"] = "none";
        json["state"] = "active";
        json["links"] = new JsonObject { ["self"] = WireJson.Link($"/customers/{customerId}/users/{user.Id}") };
        json["attributes"] = WireJson.Attributes("CustomerUser");
        return json;
    }

    public static JsonObject License(CatalogPlan plan) => new()
    {
        ["servicePlans"] = ServicePlans(plan, "Assigned"),
        ["productSku"] = ProductSku(plan),
        ["attributes"] = WireJson.Attributes("License"),
    };

    public static JsonObject SubscribedSku(CatalogPlan plan, int activeUnits, int suspendedUnits, int consumedUnits)
    {
        var totalUnits = activeUnits;
        return new JsonObject
        {
            ["availableUnits"] = Math.Max(0, totalUnits - consumedUnits),
            ["activeUnits"] = activeUnits,
            ["consumedUnits"] = consumedUnits,
            ["suspendedUnits"] = suspendedUnits,
            ["totalUnits"] = totalUnits,
            ["warningUnits"] = 0,
            ["productSku"] = ProductSku(plan),
            ["servicePlans"] = ServicePlans(plan, activeUnits > 0 ? "Enabled" : "Suspended"),
            ["capabilityStatus"] = activeUnits > 0 ? "Enabled" : suspendedUnits > 0 ? "Suspended" : "Deleted",
            ["attributes"] = WireJson.Attributes("SubscribedSku"),
        };
    }

    private static JsonObject ProductSku(CatalogPlan plan) => new()
    {
        ["id"] = plan.SkuId,
        ["name"] = plan.Title,
        ["skuPartNumber"] = plan.SkuPartNumber,
        ["targetType"] = "User",
        ["licenseGroupId"] = "group1",
    };

    private static JsonArray ServicePlans(CatalogPlan plan, string capabilityStatus) =>
        new([.. plan.ServicePlans.Select(sp => (JsonNode)new JsonObject
        {
            ["displayName"] = sp.DisplayName,
            ["serviceName"] = sp.ServiceName,
            ["id"] = sp.Id,
            ["capabilityStatus"] = capabilityStatus,
            ["targetType"] = "User",
        })]);
}
