using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KaizalaBot.Migration.Reminders;

namespace KaizalaBot.Reliability;

/// <summary>A reminder the simulator's world makes due now: a Kaizala Pro subscription that will lapse, and its occasion.</summary>
public sealed record DueReminder(string CustomerId, string SubscriptionId, string Occasion)
{
    /// <summary>
    /// Read from the simulator's inspection endpoint (its ground truth, not Partner Center): every Kaizala Pro subscription
    /// with auto-renew off, active or already expired (architecture §6: the ones that will really lapse), whose end date
    /// the reminder schedule makes due at <paramref name="now"/>.
    /// </summary>
    public static async Task<IReadOnlyList<DueReminder>> ReadAsync(
        HttpClient inspection, string kaizalaSkuId, ReminderSchedule schedule, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var state = await inspection.GetFromJsonAsync<JsonObject>("_simulator/state", cancellationToken);
        var due = new List<DueReminder>();
        foreach (var customer in state!["customers"]!.AsArray().Where(c => c!["hasKaizala"]!.GetValue<bool>()))
        {
            var id = customer!["id"]!.GetValue<string>();
            var tenant = (await inspection.GetFromJsonAsync<JsonObject>($"_simulator/customers/{id}", cancellationToken))!["tenant"]!;
            foreach (var subscription in tenant["subscriptions"]!.AsArray().OfType<JsonObject>())
            {
                var lapses = string.Equals(subscription["skuId"]?.GetValue<string>(), kaizalaSkuId, StringComparison.OrdinalIgnoreCase)
                    && subscription["autoRenewEnabled"]?.GetValue<bool>() == false
                    && subscription["status"]?.GetValue<string>() is "active" or "expired";
                if (lapses && schedule.DueOccasion(subscription["commitmentEndDate"]?.GetValue<DateTimeOffset>(), now) is { } occasion)
                {
                    due.Add(new DueReminder(id, subscription["id"]!.GetValue<string>(), occasion));
                }
            }
        }

        return due;
    }
}
