using System.Globalization;
using System.Net.Http.Json;

namespace KaizalaBot.Reliability;

/// <summary>
/// The simulator's fault rules for a run: the given share of Partner Center's answers fail, each endpoint family with
/// the failure that hurts it most — a licence update or a checkout that times out after it was carried out, 500s and
/// 503s elsewhere — and a rate limit below the engine's pace, so 429 with Retry-After comes on top.
/// </summary>
internal static class PartnerCenterFaults
{
    /// <summary>The bot gives up on an attempt after this; the simulator's timeouts last longer.</summary>
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(3);

    private static readonly TimeSpan SimulatedTimeout = TimeSpan.FromSeconds(5);

    public static async Task ApplyAsync(HttpClient inspection, int seed, int percent, CancellationToken cancellationToken)
    {
        var rate = percent / 100.0;
        object Rule(string endpoint, string kind) => new { endpoint, failureRate = rate, kind, latency = "00:00:00" };
        var settings = new
        {
            seed,

            // The engine paces itself at 490 calls a minute per customer; below that the simulator answers 429 + Retry-After.
            requestsPerMinute = percent > 0 ? 400 : 500,
            timeoutDuration = SimulatedTimeout.ToString("c", CultureInfo.InvariantCulture),
            rules = percent > 0
                ? new[]
                {
                    Rule("users.licenseupdates", "timeoutAfterProcessing"),
                    Rule("carts.checkout", "timeoutAfterProcessing"),
                    Rule("subscriptions.patch", "serviceUnavailable"),
                    Rule("users.licenses", "timeout"),
                    Rule("*", "serverError"),
                }
                : [],
        };
        using var response = await inspection.PutAsJsonAsync("_simulator/faults", settings, cancellationToken);
        response.EnsureSuccessStatusCode();
    }
}
