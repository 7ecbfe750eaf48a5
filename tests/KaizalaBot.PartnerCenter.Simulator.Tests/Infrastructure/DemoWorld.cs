using System.Text.Json.Nodes;

namespace KaizalaBot.PartnerCenter.Simulator.Tests.Infrastructure;

/// <summary>Finds demo customers and users through the public surface, so tests do not hard-code generated ids.</summary>
internal static class DemoWorld
{
    public static async Task<IReadOnlyList<JsonObject>> CustomersAsync(SimulatorHost host)
    {
        using var response = await host.Client.GetAsync("_simulator/state");
        var state = await SimulatorHost.ReadJsonAsync(response);
        return [.. state["customers"]!.AsArray().Select(c => c!.AsObject())];
    }

    public static async Task<IReadOnlyList<string>> KaizalaCustomerIdsAsync(SimulatorHost host) =>
        [.. (await CustomersAsync(host)).Where(c => c["hasKaizala"]!.GetValue<bool>()).Select(c => c["id"]!.GetValue<string>())];

    public static async Task<JsonObject> KaizalaSubscriptionAsync(SimulatorHost host, string token, string customerId)
    {
        var subscriptions = await host.GetJsonAsync($"v1/customers/{customerId}/subscriptions", token);
        return subscriptions["items"]!.AsArray().Select(s => s!.AsObject()).Single(s => s["offerName"]!.GetValue<string>() == "Kaizala Pro");
    }

    /// <summary>The first commercial Kaizala customer whose Kaizala subscription is still active (end dates start 10 days in the past).</summary>
    public static async Task<(string CustomerId, JsonObject Subscription)> ActiveKaizalaAsync(SimulatorHost host, string token)
    {
        var commercial = (await CustomersAsync(host))
            .Where(c => c["hasKaizala"]!.GetValue<bool>() && c["segment"]!.GetValue<string>() == "commercial")
            .Select(c => c["id"]!.GetValue<string>());
        foreach (var id in commercial)
        {
            var subscription = await KaizalaSubscriptionAsync(host, token, id);
            if (subscription["status"]!.GetValue<string>() == "active")
            {
                return (id, subscription);
            }
        }

        throw new InvalidOperationException("The demo world has no active Kaizala subscription.");
    }

    public static async Task<IReadOnlyList<JsonObject>> UsersAsync(SimulatorHost host, string userToken, string customerId)
    {
        var page = await host.GetJsonAsync($"v1/customers/{customerId}/users?size=1000", userToken);
        return [.. page["items"]!.AsArray().Select(u => u!.AsObject())];
    }

    public static async Task<IReadOnlyList<string>> LicenseSkuIdsAsync(SimulatorHost host, string userToken, string customerId, string userId)
    {
        var licenses = await host.GetJsonAsync($"v1/customers/{customerId}/users/{userId}/licenses", userToken);
        return [.. licenses["items"]!.AsArray().Select(l => l!["productSku"]!["id"]!.GetValue<string>())];
    }

    public static async Task<JsonObject?> SubscribedSkuAsync(SimulatorHost host, string userToken, string customerId, string skuId)
    {
        var skus = await host.GetJsonAsync($"v1/customers/{customerId}/subscribedskus", userToken);
        return skus["items"]!.AsArray().Select(s => s!.AsObject())
            .FirstOrDefault(s => string.Equals(s["productSku"]!["id"]!.GetValue<string>(), skuId, StringComparison.OrdinalIgnoreCase));
    }

    public const string BusinessBasicCatalogItemId = "CFQ7TTC0LH18:0001:CFQ7TTC0K971";
    public const string BusinessBasicSkuId = "3b555118-da6a-4418-894f-7df1e2096870";

    public static JsonObject CartBody(string catalogItemId, int quantity, string friendlyName) => new()
    {
        ["lineItems"] = new JsonArray(new JsonObject
        {
            ["id"] = 0,
            ["catalogItemId"] = catalogItemId,
            ["quantity"] = quantity,
            ["billingCycle"] = "monthly",
            ["termDuration"] = "P1Y",
            ["friendlyName"] = friendlyName,
        }),
    };

    public static async Task<string> CreateCartAsync(SimulatorHost host, string token, string customerId, int quantity)
    {
        using var response = await host.SendAsync(HttpMethod.Post, $"v1/customers/{customerId}/carts", token,
            CartBody(BusinessBasicCatalogItemId, quantity, "M365 BB (Kaizala migration #1)"));
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return (await SimulatorHost.ReadJsonAsync(response))["id"]!.GetValue<string>();
    }
}
