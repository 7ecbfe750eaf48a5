namespace KaizalaBot.Benchmarks;

/// <param name="Users">Users the migration moves (Kaizala Pro holders with a usage location).</param>
/// <param name="LatencyMilliseconds">Added by the simulator to every Partner Center call (a fault rule's latency).</param>
/// <param name="RequestsPerMinute">The simulator's throttling per customer: Partner Center's documented 500.</param>
/// <param name="Customers">Simulated partner size; a customer with enough holders is looked for among them.</param>
/// <param name="KaizalaCustomers">Of which Kaizala Pro customers.</param>
/// <param name="ProvisioningDelay">Order pending to completed (the simulator's default).</param>
/// <param name="Storage">The engine's store: File (the embedded default) or Memory.</param>
internal sealed record MigrationBenchmarkSettings(
    int Users, int LatencyMilliseconds, int RequestsPerMinute, int Customers, int KaizalaCustomers, TimeSpan ProvisioningDelay, string Storage)
{
    public static MigrationBenchmarkSettings Parse(IReadOnlyList<string> args)
    {
        var values = new BenchmarkArguments(args);
        return new MigrationBenchmarkSettings(
            values.Int("users", 1000), values.Int("latency", 150), values.Int("requests-per-minute", 500), values.Int("customers", 200),
            values.Int("kaizala-customers", 150), TimeSpan.FromSeconds(values.Int("provisioning-seconds", 30)), values.String("storage", "File"));
    }
}
