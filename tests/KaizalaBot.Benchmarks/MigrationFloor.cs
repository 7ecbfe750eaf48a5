using System.Globalization;

namespace KaizalaBot.Benchmarks;

/// <summary>
/// The shortest a migration run can take: no Partner Center call is quicker than the latency, no customer takes more
/// than its documented calls per minute (a rate: budget left unused while provisioning is not banked), step B and
/// verification run <c>Concurrency</c> users at once, and nothing starts moving users before the order is provisioned.
/// Per user the run needs three calls: the licence read before acting, the licenseupdates, the verification read.
/// </summary>
/// <param name="Users">Users moved.</param>
/// <param name="OtherCalls">The run's calls that are not about one user (step A, provisioning polls, step C), made one after another.</param>
/// <param name="Latency">Per call.</param>
/// <param name="RequestsPerMinute">Per customer.</param>
/// <param name="Concurrency">Users handled at once.</param>
/// <param name="ProvisioningDelay">From checkout until the order is completed.</param>
internal sealed record MigrationFloor(int Users, int OtherCalls, TimeSpan Latency, int RequestsPerMinute, int Concurrency, TimeSpan ProvisioningDelay)
{
    private const int CallsPerUser = 3;

    public int Calls => (CallsPerUser * Users) + OtherCalls;

    public TimeSpan RateBound => TimeSpan.FromMinutes((double)Calls / RequestsPerMinute);

    public TimeSpan LatencyBound => (Latency * OtherCalls) + (Latency * CallsPerUser * Users / Concurrency);

    public TimeSpan Floor => ProvisioningDelay + (RateBound > LatencyBound ? RateBound : LatencyBound);

    public IEnumerable<string> Arithmetic()
    {
        var l = Latency.TotalSeconds;
        yield return F($"calls      = {CallsPerUser} per user x {Users} users + {OtherCalls} other calls = {Calls}");
        yield return F($"rate       = {Calls} calls / {RequestsPerMinute} per minute = {RateBound.TotalSeconds:F1} s");
        yield return F($"latency    = {OtherCalls} x {l:F3} s + {CallsPerUser} x {Users} x {l:F3} s / {Concurrency} at once = {LatencyBound.TotalSeconds:F1} s");
        yield return F($"floor      = provisioning {ProvisioningDelay.TotalSeconds:F0} s + max(rate, latency) = {Floor.TotalSeconds:F1} s");
    }

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
