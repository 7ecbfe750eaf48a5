using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace KaizalaBot.Benchmarks;

/// <summary>The simulated customer the migration benchmark moves: an active Kaizala Pro subscription with enough movable holders.</summary>
internal sealed record BenchmarkCustomer(string Id, string Name, int Users, int MovableHolders)
{
    /// <summary>
    /// The first customer whose Kaizala Pro subscription is active and who has at least <paramref name="holders"/> holders
    /// with a usage location, found through the simulator's inspection endpoints (not Partner Center: nothing is throttled
    /// or counted).
    /// </summary>
    public static async Task<BenchmarkCustomer?> FindAsync(HttpClient inspection, string kaizalaSkuId, int holders)
    {
        var state = await inspection.GetFromJsonAsync<JsonObject>("_simulator/state");
        foreach (var customer in state!["customers"]!.AsArray().Where(c => c!["hasKaizala"]!.GetValue<bool>()))
        {
            var id = customer!["id"]!.GetValue<string>();
            var tenant = (await inspection.GetFromJsonAsync<JsonObject>($"_simulator/customers/{id}"))!["tenant"]!;
            var active = tenant["subscriptions"]!.AsArray().Any(s =>
                Is(s!["skuId"], kaizalaSkuId) && s["status"]!.GetValue<string>() == "active");
            var users = tenant["users"]!.AsArray();
            var movable = users.Count(u => u!["usageLocation"] is not null && u["assignedSkuIds"]!.AsArray().Any(sku => Is(sku, kaizalaSkuId)));
            if (active && movable >= holders)
            {
                return new BenchmarkCustomer(id, customer["companyName"]!.GetValue<string>(), users.Count, movable);
            }
        }

        return null;
    }

    private static bool Is(JsonNode? node, string skuId) => string.Equals(node?.GetValue<string>(), skuId, StringComparison.OrdinalIgnoreCase);
}
