using System.Globalization;
using System.Text.Json.Nodes;
using KaizalaBot.PartnerCenter.Simulator.Catalog;
using KaizalaBot.PartnerCenter.Simulator.State;

namespace KaizalaBot.PartnerCenter.Simulator.Wire;

/// <summary>Subscription (reference §3.2); legacy and NCE subscriptions differ as in the documented examples.</summary>
internal static class SubscriptionWire
{
    public static string Etag(SubscriptionRecord subscription) =>
        Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(
            string.Create(CultureInfo.InvariantCulture, $"{{\"id\":\"{subscription.Id}\",\"version\":{subscription.Version}}}")));

    public static JsonObject Subscription(string customerId, SubscriptionRecord s, string country)
    {
        var plan = PlanCatalog.FindBySkuId(s.SkuId);
        var links = new JsonObject();
        var json = new JsonObject
        {
            ["id"] = s.Id,
            ["offerId"] = s.OfferId,
            ["offerName"] = s.OfferName,
            ["friendlyName"] = s.FriendlyName,
            ["entitlementId"] = s.Id,
        };
        if (s.IsNce)
        {
            json["productType"] = new JsonObject { ["id"] = "OnlineServicesNCE", ["displayName"] = "OnlineServicesNCE" };
        }

        json["quantity"] = s.Quantity;
        json["unitType"] = "Licenses";
        json["creationDate"] = WireJson.Date(s.CreationDate);
        json["effectiveStartDate"] = WireJson.Date(s.EffectiveStartDate);
        json["commitmentEndDate"] = WireJson.Date(s.CommitmentEndDate.UtcDateTime.Date);
        if (s.IsNce)
        {
            json["commitmentEndDateTime"] = WireJson.Date(s.CommitmentEndDate.UtcDateTime.Date.AddDays(1).AddSeconds(-1));
        }

        json["status"] = s.Status;
        json["autoRenewEnabled"] = s.AutoRenewEnabled;
        json["billingType"] = "license";
        json["billingCycle"] = s.BillingCycle;
        json["termDuration"] = s.TermDuration;
        json["contractType"] = "subscription";
        json["isTrial"] = false;
        json["isMicrosoftProduct"] = true;
        json["publisherName"] = "Microsoft Corporation";
        json["actions"] = s.Status == "active" ? new JsonArray("edit", "cancel") : new JsonArray();
        if (s.ScheduledNextTermInstructions is { } instructions)
        {
            json["scheduledNextTermInstructions"] = JsonNode.Parse(instructions);
        }

        if (s.IsNce && plan is not null)
        {
            links["product"] = WireJson.Link($"/products/{plan.ProductId}?country={country}");
            links["sku"] = WireJson.Link($"/products/{plan.ProductId}/skus/{plan.SkuCode}?country={country}");
            links["availability"] = WireJson.Link($"/products/{plan.ProductId}/skus/{plan.SkuCode}/availabilities/{plan.AvailabilityId}?country={country}");
        }
        else
        {
            links["offer"] = WireJson.Link($"/offers/{s.OfferId}?country={country}");
        }

        links["self"] = WireJson.Link($"/customers/{customerId}/subscriptions/{s.Id}");
        json["links"] = links;
        json["orderId"] = s.OrderId;
        json["attributes"] = WireJson.Attributes("Subscription", Etag(s));
        return json;
    }

    /// <summary><c>GET …/subscriptions/{id}/provisioningstatus</c> (reference §3.1).</summary>
    public static JsonObject ProvisioningStatus(SubscriptionRecord s) => new()
    {
        ["skuId"] = s.SkuId.ToUpperInvariant(),
        ["status"] = s.Status is "active" or "suspended" or "expired" or "deleted" ? "success" : "pending",
        ["quantity"] = s.Quantity,
        ["endDate"] = WireJson.Date(s.CommitmentEndDate),
        ["attributes"] = WireJson.Attributes("SubscriptionProvisioningStatus"),
    };
}
