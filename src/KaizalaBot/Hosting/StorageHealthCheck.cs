using KaizalaBot.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KaizalaBot.Hosting;

/// <summary>Storage is reachable and authorised: a read of a key that need not exist succeeds. Writes nothing.</summary>
internal sealed class StorageHealthCheck(IStorage storage) : IHealthCheck
{
    private const string ProbeKey = "health/probe";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken)
    {
        try
        {
            await storage.ReadAsync(ProbeKey, cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The reason stays in the health report's exception (logged by the host), not in the public response.
            return HealthCheckResult.Unhealthy("Storage is not reachable.", ex);
        }
    }
}
