using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Runtime.InteropServices;
using KaizalaBot.Testing;
using KaizalaBot.Testing.Azurite;
using Activity = KaizalaBot.BotFramework.Schema.Activity;

namespace KaizalaBot.Benchmarks.Turns;

/// <summary>
/// One run of the turn benchmark: starts the floor, the Partner Center simulator, Azurite when Blob state is measured
/// and, per state, the bot (each its own process, stopped at the end); measures every cell in rounds alternating the
/// floor and the bot; prints as it goes; returns every figure.
/// </summary>
internal static class TurnRun
{
    public static async Task<TurnReport> RunAsync(TurnSettings settings, TextWriter output, CancellationToken cancellationToken)
    {
        PrintMachine(settings, output);

        await using var connector = await LoopbackConnector.StartAsync(keepCards: true);
        using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            Timeout = TimeSpan.FromSeconds(30),
        };
        var generator = new LoadGenerator(http, connector);
        await using var floor = await ServedProcess.StartAsync("floor", "KaizalaBot.Benchmarks.Floor", SharedArguments(), cancellationToken);

        // Partner Center for the bot: the simulator as a process of its own (its CPU is not the bot's), unthrottled, since
        // simulated sellers click far faster than real ones would; seeded with enough customers that each seller has its own
        // (CustomerChoice), so the bot's per-customer limiter, which stays on, does not pace the walks.
        var (customers, kaizala) = settings.SimulatorWorld;
        await using var partnerCenter = await ServedProcess.StartAsync(
            "simulator",
            "KaizalaBot.PartnerCenter.Simulator",
            [
                .. SharedArguments(), "--PartnerCenterSimulator:RequestsPerMinute", "0",
                "--PartnerCenterSimulator:CustomerCount", customers.ToString(CultureInfo.InvariantCulture),
                "--PartnerCenterSimulator:KaizalaCustomerCount", kaizala.ToString(CultureInfo.InvariantCulture),
            ],
            cancellationToken);
        var walkCustomers = settings.Scenarios.Any(s => s.Customers is not null)
            ? await WalkCustomer.SmallestAsync(http, partnerCenter.BaseAddress, settings.WalkCustomers, cancellationToken)
            : [];
        var azurite = settings.Storages.Contains("AzureBlob") ? new AzuriteFixture() : null;
        try
        {
            if (azurite is not null)
            {
                await azurite.InitializeAsync();
            }

            var table = new ResultTable(output);
            SoakResult? soak = null;
            var transcripts = settings.Scenarios.ToDictionary(s => s.Name, _ => new List<Activity>());
            var warmed = new HashSet<(int Pid, string Scenario)>();

            // A process's first cell of each scenario warms up ten times longer, and at least FirstWarmup: until then the
            // scenario's hot code may still be in tiered compilation's instrumented tiers (a floor measured too early cost
            // four times its later figure; welcome on File state, whose writes no help turn had compiled, measured with the
            // JIT at a quarter of the bot's CPU samples).
            async Task<string?> WarmAsync(ServedProcess process, Scenario scenario, int sellers, List<Activity>? transcript)
            {
                var first = warmed.Add((process.Pid, scenario.Name));
                if (first && scenario.Customers is { } choice)
                {
                    var learning = Stopwatch.StartNew();
                    await choice.LearnAsync(generator, process, scenario, walkCustomers, TurnSettings.PrepareTimeout, cancellationToken);
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{scenario.Name} on {process.Name}: {choice.Usable.Count} of {walkCustomers.Count} customers ({choice.Usable.Min(c => c.Users)}-{choice.Usable.Max(c => c.Users)} users) reach the review card after {learning.Elapsed.TotalSeconds:F0} s; each seller walks its own"));
                    foreach (var left in choice.Left)
                    {
                        output.WriteLine($"  left out: {left}");
                    }
                }

                var started = Stopwatch.GetTimestamp();
                var turns = 0;
                string? firstError = null;
                do
                {
                    firstError ??= (await generator.WarmAsync(process, scenario, sellers, settings.Warmup, transcript, cancellationToken)).FirstError;
                    turns += settings.Warmup;
                }
                while (first && (turns < settings.FirstWarmupTurns(scenario) || Stopwatch.GetElapsedTime(started) < settings.FirstWarmup));
                return firstError;
            }

            output.WriteLine();
            table.PrintHeader();
            foreach (var storage in settings.Storages)
            {
                using var root = new TempDirectory();
                await using var bot = await ServedProcess.StartAsync(
                    $"bot {storage}", "KaizalaBot", BotArguments(storage, root.Path, azurite, partnerCenter.BaseAddress), cancellationToken);
                await ExpiryIndexWait.UntilReadyAsync(generator, bot, TurnSettings.PrepareTimeout, output, cancellationToken);
                foreach (var scenario in settings.Scenarios.Where(s => settings.Measures(s, storage)))
                {
                    foreach (var sellers in settings.Sellers)
                    {
                        // Warm both (JIT, connection pools, caches); the bot's first walk is what the floor replays.
                        var transcript = transcripts[scenario.Name];
                        var warmupError = await WarmAsync(bot, scenario, sellers, transcript);
                        if (transcript.Count == 0)
                        {
                            throw new InvalidOperationException(
                                $"No {scenario.Name} walk completed on {bot.Name} during the warm-up: the bot does not answer as the walk expects ({warmupError}).");
                        }

                        var replay = scenario.Replay(transcript);
                        await WarmAsync(floor, replay, sellers, null);
                        var floorRounds = new List<Measurement>();
                        var botRounds = new List<Measurement>();
                        for (var round = 0; round < settings.Rounds; round++)
                        {
                            var turns = settings.TurnsOf(scenario) / settings.Rounds;
                            floorRounds.Add(await generator.RunAsync(floor, replay, sellers, turns, null, cancellationToken));
                            botRounds.Add(await generator.RunAsync(bot, scenario, sellers, turns, null, cancellationToken));
                        }

                        table.Add(new ResultRow(scenario.Name, sellers, storage, Measurement.Combine(floorRounds), Measurement.Combine(botRounds)));
                    }
                }

                if (storage == "File" && settings.SoakTurns > 0)
                {
                    await WarmAsync(bot, settings.SoakScenario, TurnSettings.SoakSellers, null);
                    soak = await SoakRun.RunAsync(generator, bot, settings.SoakScenario, settings.SoakTurns, output, cancellationToken);
                    output.WriteLine();
                    table.PrintHeader();
                }
            }

            table.PrintSummary();
            output.WriteLine();
            output.WriteLine($"load average at the end: {LoadAverage()}");
            return new TurnReport(table.Rows, soak);
        }
        finally
        {
            if (azurite is not null)
            {
                await azurite.DisposeAsync();
            }
        }
    }

    // Same logging for the bot and the floor: framework request logs off (a healthy turn of the bot logs nothing below
    // Warning anyway), the listening line kept so the port can be read.
    private static List<string> SharedArguments() =>
    [
        "--environment", "Development",
        "--Logging:LogLevel:Default", "Warning",
        "--Logging:LogLevel:KaizalaBot", "Warning",
        "--Logging:LogLevel:Microsoft.Hosting.Lifetime", "Information",
    ];

    private static List<string> BotArguments(string storage, string root, AzuriteFixture? azurite, Uri partnerCenter)
    {
        var arguments = SharedArguments();
        arguments.AddRange(
        [
            "--contentRoot", Path.Combine(RepositoryPaths.Root, "src", "KaizalaBot"),
            "--Playground:Enabled", "false",
            "--PartnerCenter:Endpoint", partnerCenter.ToString().TrimEnd('/'),
            "--PartnerCenter:Authority", partnerCenter.ToString().TrimEnd('/'),
            "--Storage:Provider", storage,
            "--Storage:File:RootPath", root,

            // A simulated seller clicks as fast as the bot answers, far above Teams' per-conversation and per-tenant
            // send limits; the limiter still runs on every send, with limits no benchmark reaches.
            "--BotFramework:ConversationRateLimits:0:Limit", "1000000",
            "--BotFramework:ConversationRateLimits:0:Window", "00:00:01",
            "--BotFramework:TenantRateLimits:0:Limit", "1000000",
            "--BotFramework:TenantRateLimits:0:Window", "00:00:01",
        ]);
        if (azurite is not null)
        {
            arguments.AddRange(["--Storage:AzureBlob:ConnectionString", azurite.ConnectionString, "--Storage:AzureBlob:ContainerName", $"bench{Environment.TickCount64}"]);
        }

        // The start-up scan of the simulator's 1,024 customers (ExpiryIndexWait) at ten times the default pace: 20 s rather
        // than 3.5 minutes before each bot's first cell. The scan is not what this benchmark measures.
        arguments.AddRange(["--Expiry:RequestsPerMinute", "6000"]);

        // A customer's user listing is read again after Migration:UserListingLifetime (30 minutes), in the background, and
        // a walk reaching the users step meanwhile waits on it: kept a day, so that a long run measures turns, not listings.
        arguments.AddRange(["--Migration:UserListingLifetime", "1.00:00:00"]);

        // Every simulated seller may migrate: a member of the partner's tenant, listed as a local seller is in Development.
        arguments.AddRange(["--Migration:Authorization:PartnerTenantId", Seller.TenantId]);
        for (var seller = 0; seller < 64; seller++)
        {
            arguments.AddRange([$"--Migration:Authorization:AllowedUsers:{seller}", Seller.AadObjectIdOf(seller, walk: null)]);
        }

        return arguments;
    }

    private static void PrintMachine(TurnSettings settings, TextWriter output)
    {
        var optimized = typeof(TurnBenchmark).Assembly.GetCustomAttribute<DebuggableAttribute>()?.IsJITOptimizerDisabled != true;
        output.WriteLine($"KaizalaBot turn benchmark ({(settings.Short ? "short" : "long")} run), {(optimized ? "Release" : "Debug")} build");
        output.WriteLine($"machine: {Environment.ProcessorCount} cores, {MemTotal()}, {OsName()}, {RuntimeInformation.FrameworkDescription}; load average {LoadAverage()}");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{settings.Turns} measured turns per cell in {settings.Rounds} rounds alternating with the floor, after {settings.Warmup} warm-up turns; scenarios {string.Join(", ", settings.Scenarios.Select(s => s.Name))}; sellers {string.Join(", ", settings.Sellers)}; state {string.Join(", ", settings.Storages)}"));
        if (!optimized)
        {
            output.WriteLine("Debug build: the figures check that the harness works, they are not the ones to compare (run with -c Release).");
        }
    }

    private static string LoadAverage() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

    private static string MemTotal()
    {
        var kilobytes = long.Parse(File.ReadLines("/proc/meminfo").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        return string.Create(CultureInfo.InvariantCulture, $"{kilobytes / 1048576.0:F1} GiB RAM");
    }

    private static string OsName() =>
        File.ReadLines("/etc/os-release").FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))?["PRETTY_NAME=".Length..].Trim('"')
        ?? RuntimeInformation.OSDescription;
}
