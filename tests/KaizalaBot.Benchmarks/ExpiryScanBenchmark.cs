using System.Diagnostics;
using System.Globalization;
using KaizalaBot.Migration;
using KaizalaBot.Migration.Expiry;
using KaizalaBot.PartnerCenter;
using KaizalaBot.PartnerCenter.Simulator;
using KaizalaBot.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KaizalaBot.Benchmarks;

/// <summary>
/// A full expiry scan of a simulated partner (the simulator's generator, in its own process) by the real scanner,
/// Partner Center client and file storage, against its throttle floor: the calls it must make divided by the
/// partner-wide budget it is given (<c>Expiry:RequestsPerMinute</c>; per-customer limits never bind at two calls per
/// customer). Scans a partner a tenth of the size first, so memory can be compared: flat means it does not grow with
/// the number of customers.
/// </summary>
internal static class ExpiryScanBenchmark
{
    public static async Task<int> RunAsync(BenchmarkArguments arguments)
    {
        var customers = arguments.Int("customers", 10_000);
        var kaizala = arguments.Int("kaizala", customers * 6 / 10);
        var rpm = arguments.Int("rpm", 6_000);
        var concurrency = arguments.Int("concurrency", 8);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"KaizalaBot expiry-scan benchmark: Expiry:RequestsPerMinute {rpm}, Expiry:Concurrency {concurrency}, {Environment.ProcessorCount} cores, .NET {Environment.Version}"));

        var small = await ScanAsync(customers / 10, kaizala / 10, rpm, concurrency);
        var large = await ScanAsync(customers, kaizala, rpm, concurrency);

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"memory     managed heap above baseline: {Mb(small.HeapGrowth)} for {customers / 10:N0} customers, {Mb(large.HeapGrowth)} for {customers:N0} (x{(double)large.HeapGrowth / Math.Max(1, small.HeapGrowth):F2} for x10 customers)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"memory     process peak working set {Mb(Process.GetCurrentProcess().PeakWorkingSet64)} (target under 200 MB)"));
        return large.Result.CustomersFailed == 0 && large.Result.KaizalaCustomers == kaizala ? 0 : 1;
    }

    private static async Task<ScanFigures> ScanAsync(int customers, int kaizala, int rpm, int concurrency)
    {
        await using var simulator = await SimulatorProcess.StartAsync(customers, kaizala);
        var storageRoot = Directory.CreateTempSubdirectory("kaizalabot-scan-");
        try
        {
            var calls = new PartnerCenterCalls();
            await using var services = Services(simulator.Root, storageRoot.FullName, rpm, concurrency, calls);
            var scanner = services.GetRequiredService<ExpiryScanner>();
            var pacer = services.GetRequiredService<ScanPacer>();

            ExpiryScanResult result;
            long peak;
            long baseline;
            var watch = Stopwatch.StartNew();
            await using (var memory = new PeakMemory())
            {
                result = await scanner.ScanAllAsync(CancellationToken.None);
                watch.Stop();
                baseline = memory.Baseline;
                peak = memory.Peak;
            }

            var floor = TimeSpan.FromSeconds((double)calls.Total / pacer.CallsPerSecond);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
                scan of {customers:N0} customers ({kaizala:N0} on Kaizala Pro)
                  calls      {calls.CustomerPages} customer pages + {calls.SubscriptionLists:N0} subscription lists + {calls.SubscribedSkus:N0} subscribed-SKU reads = {calls.Total:N0}
                  floor      {calls.Total:N0} calls / {pacer.CallsPerSecond} calls per second = {floor.TotalSeconds:F1} s
                  measured   {watch.Elapsed.TotalSeconds:F1} s, ratio {watch.Elapsed / floor:F3}; {result.KaizalaCustomers:N0} indexed, {result.CustomersFailed} unreadable
                  memory     managed heap peak {Mb(peak)} (baseline {Mb(baseline)})
                """));
            return new ScanFigures(result, Math.Max(0, peak - baseline));
        }
        finally
        {
            storageRoot.Delete(recursive: true);
        }
    }

    private static ServiceProvider Services(Uri simulator, string storageRoot, int rpm, int concurrency, PartnerCenterCalls calls)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["PartnerCenter:Endpoint"] = simulator.ToString(),
            ["PartnerCenter:Authority"] = simulator.ToString(),
            ["PartnerCenter:PartnerTenantId"] = SimulatorDemoDirectory.PartnerTenantId,
            ["PartnerCenter:ApplicationId"] = SimulatorDemoDirectory.DemoClientId,
            ["PartnerCenter:ApplicationSecret"] = SimulatorDemoDirectory.DemoClientSecret,
            ["PartnerCenter:RefreshToken"] = SimulatorDemoDirectory.DemoRefreshToken,
            ["Storage:Provider"] = "File",
            ["Storage:File:RootPath"] = storageRoot,
            ["Expiry:RequestsPerMinute"] = rpm.ToString(CultureInfo.InvariantCulture),
            ["Expiry:Concurrency"] = concurrency.ToString(CultureInfo.InvariantCulture),
            ["Expiry:PageSize"] = "1000",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddKaizalaStorage(configuration);
        services.AddPartnerCenterClient(configuration);
        services.AddKaizalaMigration(configuration);
        services.ConfigureHttpClientDefaults(http => http.AddHttpMessageHandler(() => new CountingHandler(calls)));
        return services.BuildServiceProvider();
    }

    private static string Mb(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0 / 1024.0:F1} MB");

    private sealed record ScanFigures(ExpiryScanResult Result, long HeapGrowth);
}
