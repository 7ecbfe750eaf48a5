using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KaizalaBot.Migration.Reminders;
using Microsoft.Extensions.Options;

namespace KaizalaBot.Reliability;

/// <summary>
/// What is due in the simulator's world at a given time, read through its inspection endpoint (not Partner Center): every
/// Kaizala Pro subscription that will lapse (auto-renew off, active or expired) and has crossed a lead time, with its
/// occasion by the product's default schedule, except the one the run migrates (a migration silences its reminders).
/// <see cref="Kaizala"/> lists every Kaizala Pro subscription, to tell a reminder shown that was not due.
/// </summary>
internal sealed record DueReminders(IReadOnlyDictionary<string, string> Occasions, IReadOnlyList<string> Kaizala)
{
    public static async Task<DueReminders> ReadAsync(
        HttpClient inspection, string kaizalaSkuId, string migratedSubscriptionId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var schedule = new ReminderSchedule(Options.Create(new ReminderOptions()));
        var occasions = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var kaizala = new List<string>();
        var state = await inspection.GetFromJsonAsync<JsonObject>("_simulator/state", cancellationToken);
        foreach (var customer in state!["customers"]!.AsArray().Where(c => c!["hasKaizala"]!.GetValue<bool>()))
        {
            var tenant = (await inspection.GetFromJsonAsync<JsonObject>($"_simulator/customers/{customer!["id"]!.GetValue<string>()}", cancellationToken))!["tenant"]!;
            foreach (var subscription in tenant["subscriptions"]!.AsArray().Where(s => string.Equals(s!["skuId"]!.GetValue<string>(), kaizalaSkuId, StringComparison.OrdinalIgnoreCase)))
            {
                var id = subscription!["id"]!.GetValue<string>();
                kaizala.Add(id);
                var lapses = !subscription["autoRenewEnabled"]!.GetValue<bool>() && subscription["status"]!.GetValue<string>() is "active" or "expired";
                if (lapses && !string.Equals(id, migratedSubscriptionId, StringComparison.OrdinalIgnoreCase)
                    && schedule.DueOccasion(subscription["commitmentEndDate"]!.GetValue<DateTimeOffset>(), now) is { } occasion)
                {
                    occasions[id] = occasion;
                }
            }
        }

        return new DueReminders(occasions, kaizala);
    }
}
