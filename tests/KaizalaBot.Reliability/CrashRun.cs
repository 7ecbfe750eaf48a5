using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using KaizalaBot.Migration.Catalog;
using KaizalaBot.Migration.Jobs;
using KaizalaBot.Migration.Reminders;
using KaizalaBot.PartnerCenter.Simulator;
using KaizalaBot.Testing;
using KaizalaBot.Testing.Azurite;

namespace KaizalaBot.Reliability;

/// <summary>
/// The crash harness: a migration confirmed on the bot's store, the bot process (the real host, its hosted runner) started
/// against the standalone simulator process, killed with SIGKILL at a seeded random moment, restarted on the same store,
/// and the simulator's tenant then counted: duplicate purchases, users without the new licence, users still on Kaizala
/// Pro, double suspensions, progress cards left stale, summaries posted twice. A first run without a kill calibrates how
/// long a migration lasts, so that kill moments spread over the whole of one. In <c>faults</c> mode the same runs go
/// without kills but with a share of Partner Center's answers failing (<see cref="PartnerCenterFaults"/>), while reminder
/// scans run for sellers whose chats fail as the seller's does (<see cref="ReminderChats"/>). With <c>--lanes N</c>, N
/// lanes (<see cref="CrashLane"/>) share the runs (<see cref="CrashRunPlan"/>) and run side by side.
/// </summary>
public static class CrashRun
{
    private static readonly TimeSpan CompletionLimit = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(250);

    public static async Task<CrashReport> RunAsync(CrashRunSettings settings, TextWriter? output, CancellationToken cancellationToken)
    {
        var kaizalaSkuId = new KaizalaProOptions().SkuId;
        var plan = CrashRunPlan.For(settings);

        // Lanes print their runs as they end, from their own continuations.
        var log = output is null ? null : TextWriter.Synchronized(output);
        log?.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"KaizalaBot {settings.Mode} harness: seed {settings.Seed}, {settings.Runs} runs of a {settings.Users}-user migration{(settings.Kill ? ", each killed once" : "")}{(settings.TwoInstances ? " while a second instance runs on the same store" : "")}, {settings.FaultPercent}% of Partner Center's and the connector's answers failed, Blob on Azurite every {settings.BlobEvery} runs, {plan.Lanes} lane(s); "
            + $"{Environment.ProcessorCount} cores, .NET {Environment.Version}, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}"));
        log?.WriteLine(CrashRunResult.Header + (settings.ReminderSellers > 0 ? ReminderCounts.Header : ""));

        AzuriteFixture? azurite = null;
        var lanes = new List<CrashLane>();
        try
        {
            if (plan.Runs.Any(r => r.Storage == StorageKind.Blob))
            {
                azurite = new AzuriteFixture();
                await azurite.InitializeAsync();
            }

            for (var lane = 1; lane <= plan.Lanes; lane++)
            {
                lanes.Add(await CrashLane.StartAsync(lane, settings.Users, kaizalaSkuId, cancellationToken));
            }

            var results = new ConcurrentQueue<CrashRunResult>();
            var calibration = TimeSpan.Zero;
            if (settings.Kill)
            {
                // One uninterrupted migration measures how long one lasts, so kill moments spread over the whole of one.
                var uninterrupted = await OneRunAsync(new PlannedRun(0, 1, StorageKind.File, KillFraction: null), killAfter: null, lanes[0].World, settings, azurite, cancellationToken);
                results.Enqueue(uninterrupted);
                log?.WriteLine(uninterrupted);
                calibration = uninterrupted.Duration;
            }

            await Task.WhenAll(lanes.Select(lane => RunLaneAsync(lane, plan.OfLane(lane.Number), calibration, settings, azurite, results, log, cancellationToken)));
            return new CrashReport(settings.Seed, settings.Users, settings.FaultPercent, plan.Lanes, [.. results.OrderBy(r => r.Run)]);
        }
        finally
        {
            foreach (var lane in lanes)
            {
                await lane.DisposeAsync();
            }

            if (azurite is not null)
            {
                await azurite.DisposeAsync();
            }
        }
    }

    private static async Task RunLaneAsync(
        CrashLane lane, IEnumerable<PlannedRun> runs, TimeSpan calibration, CrashRunSettings settings, AzuriteFixture? azurite,
        ConcurrentQueue<CrashRunResult> results, TextWriter? log, CancellationToken cancellationToken)
    {
        foreach (var planned in runs)
        {
            var killAfter = planned.KillAfter(calibration);
            CrashRunResult result;
            try
            {
                result = await OneRunAsync(planned, killAfter, lane.World, settings, azurite, cancellationToken);
            }
            catch (Exception ex) when (ex is TimeoutException or InvalidOperationException or HttpRequestException)
            {
                // A run that does not end (a migration stuck past the limit, a bot that does not start, a simulator that
                // stops answering) is a finding: it fails the report, with its cause printed, and the other runs go on.
                log?.WriteLine(string.Create(CultureInfo.InvariantCulture, $"run {planned.Run} (lane {lane.Number}) did not end: {ex}"));
                result = CrashRunResult.DidNotEnd(planned, killAfter, ex);
            }

            results.Enqueue(result);
            log?.WriteLine(result);
        }
    }

    private static async Task<CrashRunResult> OneRunAsync(
        PlannedRun planned, TimeSpan? killAfter, SimulatedWorld world, CrashRunSettings settings, AzuriteFixture? azurite, CancellationToken cancellationToken)
    {
        var (run, storage) = (planned.Run, planned.Storage);
        using var storageRoot = new TempDirectory();
        var storageSettings = storage == StorageKind.Blob
            ? new Dictionary<string, string>
            {
                ["Storage:Provider"] = "AzureBlob",
                ["Storage:AzureBlob:ConnectionString"] = azurite!.ConnectionString,
                ["Storage:AzureBlob:ContainerName"] = string.Create(CultureInfo.InvariantCulture, $"crash-run-{run}-{Guid.NewGuid():N}"),
            }
            : new Dictionary<string, string> { ["Storage:Provider"] = "File", ["Storage:File:RootPath"] = storageRoot.Path };

        using (var reset = await world.Inspection.PostAsync("_simulator/reset", content: null, cancellationToken))
        {
            reset.EnsureSuccessStatusCode();
        }

        var (inspection, customerId) = (world.Inspection, world.CustomerId);
        await using var proxy = await RecordingProxy.StartAsync(world.Root);

        // The seller's personal chat, at a connector failing the same share of calls as Partner Center: the progress card
        // (the review card the dialog turned into it) is updated in place there, and the summary posted.
        await using var connector = await FaultingChatConnector.StartAsync(settings.Seed + run, settings.FaultPercent);
        var chat = new SellerChat(connector, run);
        MigrationRecord migration;
        await using (var seller = SellerSide.Create(world.Root, storageSettings))
        {
            migration = await seller.ConfirmAsync(customerId, world.Users, chat.Reference(), chat.ProgressActivityId, cancellationToken);
        }

        var before = await SimulatedTenant.ReadAsync(inspection, customerId, cancellationToken);

        // The reminders due at the run's time, and the chats of the sellers who get them (a connector of their own, so that
        // its lost answers, in the runs that have them, stay out of the migration's chat).
        var due = settings.ReminderSellers > 0
            ? await DueReminders.ReadAsync(inspection, world.KaizalaSkuId, migration.SourceSubscriptionId, DateTimeOffset.UtcNow, cancellationToken)
            : null;
        await using var reminderConnector = due is null ? null : await FaultingChatConnector.StartAsync(settings.Seed + run + 1_000_000, settings.FaultPercent, settings.LosesAnswers(run));

        // Faults start once the seller has confirmed: they are about the run, which the bot does.
        await PartnerCenterFaults.ApplyAsync(inspection, settings.Seed + run, settings.FaultPercent, cancellationToken);
        var botSettings = new Dictionary<string, string>(storageSettings);
        foreach (var (key, value) in SellerSide.PartnerCenterSettings(proxy.BaseAddress))
        {
            botSettings[key] = value;
        }

        // The runner polls for work and provisioning each second (the product polls every 5 and 30 s) and holds its lease
        // for the shortest time the Blob lease allows, so a restarted bot takes over within seconds: the same code paths,
        // a shorter wait.
        botSettings["Migration:Runner:PollInterval"] = "00:00:01";
        botSettings["Migration:Runner:ProvisioningPollInterval"] = "00:00:01";
        botSettings["Migration:Runner:LeaseDuration"] = "00:00:15";
        botSettings["PartnerCenter:Retry:AttemptTimeout"] = PartnerCenterFaults.AttemptTimeout.ToString("c", CultureInfo.InvariantCulture);
        botSettings["Expiry:BuildAtStartup"] = "false";
        botSettings["Reminders:Enabled"] = due is null ? "false" : "true";
        if (due is not null)
        {
            // Queued digests looked at every 5 s (the least allowed), all due reminders on one card (Teams' card-size bound
            // of 10) so each is seen on the wire, and a connector attempt given up after 5 s so that lost answers cost little.
            botSettings["Reminders:PollInterval"] = "00:00:05";
            botSettings["Reminders:MaxItemsPerCard"] = "10";
            botSettings["BotFramework:RequestTimeout"] = "00:00:05";
            SoakSeller.Allow(botSettings, settings.ReminderSellers);
        }

        botSettings["Playground:Enabled"] = "false";
        var environment = ProcessEnvironment(botSettings);
        string? botLog = null;
        if (settings.BotDebug)
        {
            environment["Logging__LogLevel__KaizalaBot"] = "Debug";
            botLog = Path.Combine(Path.GetTempPath(), string.Create(CultureInfo.InvariantCulture, $"kaizalabot-{settings.Mode}-{settings.Seed}-run-{run}-{Environment.ProcessId}"));
            Console.Error.WriteLine($"run {run}: each bot process's whole log (Debug) goes to {botLog}-pid<its pid>.log");
        }

        var host = typeof(Program).Assembly.Location;

        // The harness reads the record from the same store while the bot runs (reads only: the bot is its one writer).
        await using var observer = SellerSide.Create(world.Root, storageSettings);
        var started = Stopwatch.GetTimestamp();
        var stepAtKill = "-";
        ListeningProcess? survivor = null;
        try
        {
            if (killAfter is { } delay)
            {
                await using (var doomed = await ListeningProcess.StartAsync(host, environment, [], botLog))
                {
                    if (settings.TwoInstances)
                    {
                        // The second instance joins once the first has claimed the migration: the kill then always hits the
                        // instance running it, and the other, already up on the same store, must take it over.
                        await WaitUntilClaimedAsync(observer, migration.Id, doomed, cancellationToken);
                        survivor = await ListeningProcess.StartAsync(host, environment, [], botLog);
                    }

                    // The kill moment counts from the first start, as the calibration's duration does; the claim wait and
                    // the second start are part of it, so the kill still lands within the migration.
                    var remaining = delay - Stopwatch.GetElapsedTime(started);
                    if (remaining > TimeSpan.Zero)
                    {
                        await Task.Delay(remaining, cancellationToken);
                    }
                }

                var atKill = await observer.GetAsync(migration.Id, cancellationToken);
                stepAtKill = atKill is null ? "?" : await DescribeAsync(observer, atKill, cancellationToken);
            }

            survivor ??= await ListeningProcess.StartAsync(host, environment, [], botLog);
            using var botHttp = new HttpClient { BaseAddress = survivor.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
            using var chats = due is null
                ? null
                : new ReminderChats(reminderConnector!, SoakSeller.Many(settings.ReminderSellers, survivor.BaseAddress, reminderConnector!.ServiceUrl));
            var reminders = chats is null
                ? Task.FromResult<ReminderCounts?>(null)
                : CountRemindersAsync(chats, botHttp, observer.Reminders(), due!, cancellationToken);
            var final = await WaitUntilRestingAsync(observer, migration.Id, survivor, cancellationToken);
            var (staleCards, duplicateSummaries) = await chat.CardsAfterFinishAsync(cancellationToken);
            var reminderCounts = await reminders;
            return await CountAsync(
                planned, killAfter, stepAtKill, final, Stopwatch.GetElapsedTime(started), world, migration, before, proxy, chat, staleCards, duplicateSummaries,
                reminderCounts, cancellationToken);
        }
        finally
        {
            if (survivor is not null)
            {
                await survivor.DisposeAsync();
            }
        }
    }

    private static async Task<CrashRunResult> CountAsync(
        PlannedRun planned, TimeSpan? killAfter, string stepAtKill, MigrationRecord final, TimeSpan duration, SimulatedWorld world,
        MigrationRecord migration, SimulatedTenant before, RecordingProxy proxy, SellerChat chat, int staleCards, int duplicateSummaries,
        ReminderCounts? reminders, CancellationToken cancellationToken)
    {
        var after = await SimulatedTenant.ReadAsync(world.Inspection, world.CustomerId, cancellationToken);
        var userIds = world.Users.Select(u => u.Id).ToList();
        var suspensions = proxy.Exchanges.Count(e => e.Method == "PATCH" && e.Status is >= 200 and < 300
            && e.Path.EndsWith("/subscriptions/" + migration.SourceSubscriptionId, StringComparison.OrdinalIgnoreCase)
            && e.RequestBody.Contains("suspended", StringComparison.OrdinalIgnoreCase));
        return new CrashRunResult(
            planned.Run,
            planned.Lane,
            planned.Storage,
            killAfter,
            stepAtKill,
            final.State,
            duration,
            DuplicatePurchases: Math.Max(0, after.OrderIds.Except(before.OrderIds).Count() - 1),
            UsersWithoutNewLicence: userIds.Count(u => !after.Holds(u, final.TargetSkuId)),
            UsersStillOnKaizalaPro: userIds.Count(u => after.Holds(u, world.KaizalaSkuId)),
            DoubleSuspensions: Math.Max(0, suspensions - 1),
            StaleProgressCards: staleCards,
            DuplicateSummaries: duplicateSummaries,
            PartnerCenterCalls: proxy.Exchanges.Count,
            FaultsSurvived: proxy.Exchanges.Count(e => e.IsFault(PartnerCenterFaults.AttemptTimeout)),
            ConnectorFaultsSurvived: chat.FaultsInjected,
            Reminders: reminders);
    }

    private static async Task<ReminderCounts?> CountRemindersAsync(
        ReminderChats chats, HttpClient bot, ReminderStore store, DueReminders due, CancellationToken cancellationToken) =>
        await chats.RunAsync(bot, store, due, cancellationToken);

    private static async Task WaitUntilClaimedAsync(SellerSide seller, string migrationId, ListeningProcess bot, CancellationToken cancellationToken)
    {
        var waited = Stopwatch.GetTimestamp();
        while ((await seller.GetAsync(migrationId, cancellationToken))?.Claim is null)
        {
            if (Stopwatch.GetElapsedTime(waited) > CompletionLimit)
            {
                throw new TimeoutException($"Migration {migrationId} not claimed after {CompletionLimit}; the bot's last lines:{Environment.NewLine}{bot.Tail()}");
            }

            await Task.Delay(PollEvery, cancellationToken);
        }
    }

    internal static async Task<MigrationRecord> WaitUntilRestingAsync(SellerSide seller, string migrationId, ListeningProcess bot, CancellationToken cancellationToken)
    {
        var waited = Stopwatch.GetTimestamp();
        while (true)
        {
            var record = await seller.GetAsync(migrationId, cancellationToken);
            if (record is not null && (record.State.IsTerminal() || record.State == MigrationState.NeedsAttention))
            {
                return record;
            }

            if (Stopwatch.GetElapsedTime(waited) > CompletionLimit)
            {
                throw new TimeoutException($"Migration {migrationId} still {record?.State} after {CompletionLimit}; the bot's last lines:{Environment.NewLine}{bot.Tail()}");
            }

            await Task.Delay(PollEvery, cancellationToken);
        }
    }

    private static async Task<string> DescribeAsync(SellerSide observer, MigrationRecord record, CancellationToken cancellationToken) => record.State switch
    {
        MigrationState.MovingLicences => Moving(await observer.MovedSoFarAsync(record.Id, cancellationToken)),
        MigrationState.Purchasing when record.Purchase.CheckoutStartedAt is not null => "Purchasing (checkout sent)",
        _ => record.State.ToString(),
    };

    private static string Moving(int moved) => string.Create(CultureInfo.InvariantCulture, $"MovingLicences {moved} moved");

    /// <summary>Settings as environment variables (never on the command line, where <c>ps</c> shows them), Development.</summary>
    internal static Dictionary<string, string> ProcessEnvironment(IReadOnlyDictionary<string, string> settings)
    {
        var environment = settings.ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value, StringComparer.Ordinal);
        environment["DOTNET_ENVIRONMENT"] = "Development";
        environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        environment["DOTNET_hostBuilder__reloadConfigOnChange"] = "false";
        environment["Logging__LogLevel__Default"] = "Warning";
        environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        return environment;
    }
}
