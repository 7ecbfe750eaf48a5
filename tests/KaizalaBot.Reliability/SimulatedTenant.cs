using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KaizalaBot.Migration.Jobs;

namespace KaizalaBot.Reliability;

/// <summary>
/// One customer's tenant as the simulator holds it, read through its inspection endpoint (not Partner Center: nothing
/// is throttled, faulted or counted): the ground truth the harness counts effects against.
/// </summary>
internal sealed record SimulatedTenant(
    IReadOnlyDictionary<string, IReadOnlyList<string>> UserSkus,
    IReadOnlyList<string> OrderIds,
    IReadOnlyDictionary<string, string> SubscriptionStatus)
{
    public static async Task<SimulatedTenant> ReadAsync(HttpClient inspection, string customerId, CancellationToken cancellationToken)
    {
        var tenant = (await inspection.GetFromJsonAsync<JsonObject>($"_simulator/customers/{customerId}", cancellationToken))!["tenant"]!;
        return new SimulatedTenant(
            tenant["users"]!.AsArray().ToDictionary(
                u => u!["id"]!.GetValue<string>(),
                u => (IReadOnlyList<string>)[.. u!["assignedSkuIds"]!.AsArray().Select(s => s!.GetValue<string>())],
                StringComparer.OrdinalIgnoreCase),
            [.. tenant["orders"]!.AsArray().Select(o => o!["id"]!.GetValue<string>())],
            tenant["subscriptions"]!.AsArray().ToDictionary(
                s => s!["id"]!.GetValue<string>(), s => s!["status"]!.GetValue<string>(), StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>
    /// The first customer with an active Kaizala Pro subscription and at least <paramref name="holders"/> movable holders
    /// (a usage location set), and the first <paramref name="holders"/> of them.
    /// </summary>
    public static async Task<(string CustomerId, IReadOnlyList<MigrationUser> Users)?> FindCustomerAsync(HttpClient inspection, string kaizalaSkuId, int holders, CancellationToken cancellationToken)
    {
        var state = await inspection.GetFromJsonAsync<JsonObject>("_simulator/state", cancellationToken);
        foreach (var customer in state!["customers"]!.AsArray().Where(c => c!["hasKaizala"]!.GetValue<bool>()))
        {
            var id = customer!["id"]!.GetValue<string>();
            var tenant = (await inspection.GetFromJsonAsync<JsonObject>($"_simulator/customers/{id}", cancellationToken))!["tenant"]!;
            var active = tenant["subscriptions"]!.AsArray().Any(s => Is(s!["skuId"], kaizalaSkuId) && s["status"]!.GetValue<string>() == "active");
            var movable = tenant["users"]!.AsArray()
                .Where(u => u!["usageLocation"] is not null && u["assignedSkuIds"]!.AsArray().Any(sku => Is(sku, kaizalaSkuId)))
                .Select(u => new MigrationUser(u!["id"]!.GetValue<string>(), u["userPrincipalName"]!.GetValue<string>(), u["displayName"]!.GetValue<string>()))
                .Take(holders)
                .ToList();
            if (active && movable.Count == holders)
            {
                return (id, movable);
            }
        }

        return null;
    }

    public bool Holds(string userId, string skuId) =>
        UserSkus.TryGetValue(userId, out var skus) && skus.Any(s => string.Equals(s, skuId, StringComparison.OrdinalIgnoreCase));

    private static bool Is(JsonNode? node, string skuId) => string.Equals(node?.GetValue<string>(), skuId, StringComparison.OrdinalIgnoreCase);
}
