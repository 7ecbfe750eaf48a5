using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace KaizalaBot.Benchmarks.Turns;

/// <summary>A simulated customer a migration walk can take: found by its domain (the typed search), with its users' count.</summary>
internal sealed record WalkCustomer(string Id, string Domain, int Users)
{
    /// <summary>
    /// The <paramref name="count"/> customers of the simulator whose Kaizala Pro subscription is active with the fewest
    /// users (the bot lists a customer's users at Partner Center's per-customer pace, one call per user, so the smallest
    /// are ready first), read through its inspection endpoints, which are neither throttled nor counted.
    /// </summary>
    public static async Task<IReadOnlyList<WalkCustomer>> SmallestAsync(HttpClient http, Uri simulator, int count, CancellationToken cancellationToken)
    {
        var state = await http.GetFromJsonAsync<JsonObject>(new Uri(simulator, "_simulator/state"), cancellationToken);
        var found = new List<WalkCustomer>();
        foreach (var customer in state!["customers"]!.AsArray().Where(c => c!["hasKaizala"]!.GetValue<bool>()))
        {
            var id = customer!["id"]!.GetValue<string>();
            var tenant = (await http.GetFromJsonAsync<JsonObject>(new Uri(simulator, $"_simulator/customers/{id}"), cancellationToken))!["tenant"]!;
            var active = tenant["subscriptions"]!.AsArray().Any(s => s!["offerName"]!.GetValue<string>() == "Kaizala Pro" && s["status"]!.GetValue<string>() == "active");
            if (active)
            {
                found.Add(new WalkCustomer(id, customer["domain"]!.GetValue<string>(), tenant["users"]!.AsArray().Count));
            }
        }

        return [.. found.OrderBy(c => c.Users).ThenBy(c => c.Domain, StringComparer.Ordinal).Take(count)];
    }
}
