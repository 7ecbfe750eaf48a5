using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using KaizalaBot.Migration;
using KaizalaBot.Migration.Catalog;
using KaizalaBot.Migration.Jobs;
using KaizalaBot.Migration.Planning;
using KaizalaBot.PartnerCenter.Simulator;
using KaizalaBot.Testing.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KaizalaBot.Benchmarks;

/// <summary>
/// A whole migration of many users by the real engine (file storage, the Partner Center client, the runner) against the
/// simulator on loopback, with a latency on every Partner Center call and the documented throttling; prints the wall
/// time of the run beside its floor (see <see cref="MigrationFloor"/>) and the calls each phase cost.
/// </summary>
internal static class MigrationBenchmark
{
    private const double Target = 1.2;

    public static async Task<int> RunAsync(MigrationBenchmarkSettings settings)
    {
        var kaizalaSkuId = new KaizalaProOptions().SkuId;
        await using var simulator = await PartnerCenterSimulatorServer.StartAsync(
            new Dictionary<string, string?>
            {
                ["CustomerCount"] = Invariant(settings.Customers),
                ["KaizalaCustomerCount"] = Invariant(settings.KaizalaCustomers),
                ["ProvisioningDelay"] = settings.ProvisioningDelay.ToString("c", CultureInfo.InvariantCulture),
                ["RequestsPerMinute"] = Invariant(settings.RequestsPerMinute),
            },
            TimeProvider.System, "", CancellationToken.None);
        using var inspection = new HttpClient { BaseAddress = simulator.Root };
        var latency = TimeSpan.FromMilliseconds(settings.LatencyMilliseconds);
        using (var faults = await inspection.PutAsJsonAsync("_simulator/faults", new
        {
            seed = 1,
            requestsPerMinute = settings.RequestsPerMinute,
            timeoutDuration = "00:01:40",
            rules = new[] { new { endpoint = "*", failureRate = 0.0, kind = "serverError", latency = latency.ToString("c", CultureInfo.InvariantCulture) } },
        }))
        {
            faults.EnsureSuccessStatusCode();
        }

        var customer = await BenchmarkCustomer.FindAsync(inspection, kaizalaSkuId, settings.Users);
        if (customer is null)
        {
            Console.WriteLine($"No simulated customer has {settings.Users} Kaizala Pro holders with a usage location; raise --customers.");
            return 1;
        }

        var storageRoot = Directory.CreateTempSubdirectory("kaizalabot-migration-bench-");
        var requests = new RequestLog();
        var notifier = new CompletionNotifier();
        try
        {
            await using var engine = MigrationBenchmarkEngine.Build(simulator.Root, settings.Storage, storageRoot.FullName, requests, notifier);
            var pacing = engine.GetRequiredService<IOptions<MigrationOptions>>().Value.Runner;
            Console.WriteLine($"KaizalaBot migration benchmark: {settings.Users} users of {customer.Name} ({customer.Users} users, " +
                $"{customer.MovableHolders} movable Kaizala Pro holders); Partner Center {settings.LatencyMilliseconds} ms per call, " +
                $"{settings.RequestsPerMinute} calls per minute per customer, provisioning {settings.ProvisioningDelay.TotalSeconds:F0} s; " +
                $"engine: {pacing.LicenceConcurrency} users at once, {pacing.RequestsPerMinute} calls per minute + burst {pacing.RequestBurst}; " +
                $"storage {settings.Storage}; {Environment.ProcessorCount} cores, .NET {Environment.Version}");

            using var stop = new CancellationTokenSource();
            var runner = engine.GetRequiredService<MigrationRunner>().RunAsync(stop.Token);
            var planner = engine.GetRequiredService<MigrationPlanner>();
            var service = engine.GetRequiredService<MigrationService>();

            var (listing, listed) = await PhaseAsync(requests, () => planner.ListKaizalaUsersAsync(customer.Id, new ListingProgress(), CancellationToken.None));
            var users = listing.KaizalaHolders.Where(u => u.UsageLocation is not null).Take(settings.Users)
                .Select(u => new MigrationUser(u.Id, u.UserPrincipalName, u.DisplayName)).ToList();
            var plan = (await planner.GetPlanOptionsAsync(customer.Id, users.Count, CancellationToken.None)).First(o => o.IsRecommended).Plan;
            var source = (await planner.GetKaizalaSubscriptionsAsync(customer.Id, CancellationToken.None)).First(s => s.Status == KaizalaBot.PartnerCenter.Models.SubscriptionStatus.Active);
            var draft = new MigrationDraft
            {
                Seller = new SellerIdentity(SimulatorDemoDirectory.PartnerTenantId, SimulatorDemoDirectory.FrenchSellerObjectId, SimulatorDemoDirectory.FrenchSellerDisplayName),
                CustomerId = customer.Id, CustomerName = customer.Name, SourceSubscriptionId = source.SubscriptionId, PlanId = plan.Id,
                LicenceCount = users.Count, Users = users,
            };

            var (preview, previewed) = await PhaseAsync(requests, () => planner.PreviewAsync(draft, CancellationToken.None));
            if (!preview.CanConfirm)
            {
                Console.WriteLine("The preview blocks: " + string.Join(", ", preview.Findings.Where(f => f.Severity == FindingSeverity.Blocks).Select(f => f.Message.Code)));
                return 1;
            }

            notifier.Restart();
            var (done, ran) = await PhaseAsync(requests, async () =>
            {
                var confirmed = await service.ConfirmAsync(draft, CancellationToken.None);
                return confirmed.Migration is null ? throw new InvalidOperationException($"Not confirmed: {confirmed.Status}") : await notifier.Rested;
            });
            await stop.CancelAsync();
            await runner;

            Console.WriteLine();
            Console.WriteLine($"{"phase",-9} {"wall s",9} {"calls",7} {"per user",9}");
            Print("listing", listed, listing.UsersRead);
            Print("preview", previewed, users.Count);
            Print("run", ran, users.Count);

            var otherCalls = ran.Calls - ran.UserCalls;
            var floor = new MigrationFloor(users.Count, otherCalls, latency, settings.RequestsPerMinute, pacing.LicenceConcurrency, settings.ProvisioningDelay);
            Console.WriteLine();
            Console.WriteLine($"Floor of the run ({plan.Name}, a new subscription of {users.Count} seats):");
            foreach (var line in floor.Arithmetic())
            {
                Console.WriteLine("  " + line);
            }

            var ratio = ran.Wall / floor.Floor;
            var failed = done.Licences.Failed;
            Console.WriteLine();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"run: {done.State}, {done.Licences.Moved} users moved, {failed} failed; wall {ran.Wall.TotalSeconds:F1} s, floor {floor.Floor.TotalSeconds:F1} s, ratio {ratio:F3} (target <= {Target})"));
            return done.State == MigrationState.Completed && failed == 0 && ratio <= Target ? 0 : 1;

            void Print(string name, PhaseCost cost, int perUser) =>
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{name,-9} {cost.Wall.TotalSeconds,9:F1} {cost.Calls,7} {(double)cost.Calls / perUser,9:F2}"));
        }
        finally
        {
            storageRoot.Delete(recursive: true);
        }
    }

    private static async Task<(T Result, PhaseCost Cost)> PhaseAsync<T>(RequestLog requests, Func<Task<T>> phase)
    {
        requests.Clear();
        var started = Stopwatch.GetTimestamp();
        var result = await phase();
        var wall = Stopwatch.GetElapsedTime(started);
        var partnerCenter = requests.Requests.Where(r => r.Path.Contains("/v1/", StringComparison.Ordinal)).ToList();
        return (result, new PhaseCost(wall, partnerCenter.Count, partnerCenter.Count(r => r.Path.Contains("/users/", StringComparison.Ordinal))));
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
