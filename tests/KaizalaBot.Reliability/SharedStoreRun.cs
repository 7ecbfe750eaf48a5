using System.Diagnostics;
using System.Globalization;
using System.Net;
using KaizalaBot.Migration.Catalog;
using KaizalaBot.Migration.Reminders;
using KaizalaBot.PartnerCenter.Simulator;
using KaizalaBot.Storage;
using KaizalaBot.Testing.Azurite;
using Microsoft.Extensions.Options;

namespace KaizalaBot.Reliability;

/// <summary>
/// Two bot processes (the real host) on one Azurite container behind one endpoint, a round-robin proxy: sellers walk the
/// migration dialog through it, so consecutive turns of one conversation land on different instances, and answer the
/// licence count with a burst of clicks at once; meanwhile both instances are asked for a reminder scan at the same
/// moment, again and again. Counted: walks that reach the review card with the choice their taken click made, bursts
/// with exactly one click taken, and each (subscription, lead time, recipient) reminder shown at the connector and
/// recorded in the ledger, against what is due in the simulator's world.
/// </summary>
public static class SharedStoreRun
{
    // Reminders due within 30 days (or expired) and every one of them on one card: the simulator's world has six such
    // Kaizala Pro subscriptions (ended 10 and 3 days ago, ending in 1, 5, 12 and 25 days), so each digest lists them all.
    private static readonly int[] LeadTimes = [30, 14, 7, 1];
    private const int ItemsPerCard = 10;

    private const string ConflictLine = "met a concurrent state change";
    private static readonly string[] ErrorLines = ["fail: ", "crit: "];
    private static readonly TimeSpan SettleLimit = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(250);

    public static async Task<SharedStoreReport> RunAsync(SharedStoreSettings settings, TextWriter? output, CancellationToken cancellationToken)
    {
        output?.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"KaizalaBot shared-store harness: 2 bot processes on one Azurite container{(settings.WithoutETags ? " WITHOUT ETags (a proxy drops every If-Match and If-None-Match)" : "")}{(settings.WithoutLeases ? " WITHOUT leases (a proxy grants every lease)" : "")} behind a round-robin proxy; {settings.Sellers} sellers x {settings.Walks} walks of the migration dialog, bursts of {settings.Burst} clicks; {settings.ScanRounds} reminder scans asked of both instances at once; "
            + $"{Environment.ProcessorCount} cores, .NET {Environment.Version}, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}"));
        var started = Stopwatch.GetTimestamp();
        var texts = HostTexts.Load();
        await using var azurite = new AzuriteFixture();
        await azurite.InitializeAsync();

        // Unthrottled: every seller works for the same few customers far faster than real sellers would.
        await using var simulator = await ListeningProcess.StartAsync(
            typeof(SimulatorProgram).Assembly.Location,
            CrashRun.ProcessEnvironment(new Dictionary<string, string> { ["PartnerCenterSimulator:RequestsPerMinute"] = "0" }));
        using var inspection = new HttpClient { BaseAddress = simulator.BaseAddress };
        await using var connector = await FaultingChatConnector.StartAsync(seed: 0, faultPercent: 0);
        var storage = new Dictionary<string, string>
        {
            ["Storage:Provider"] = "AzureBlob",
            ["Storage:AzureBlob:ConnectionString"] = azurite.ConnectionString,
            ["Storage:AzureBlob:ContainerName"] = string.Create(CultureInfo.InvariantCulture, $"shared-store-{Guid.NewGuid():N}"),
        };
        await using var unguarded = settings.WithoutETags || settings.WithoutLeases
            ? await ConditionStrippingProxy.StartAsync(azurite, dropConditions: settings.WithoutETags, grantLeases: settings.WithoutLeases)
            : null;
        var botStorage = unguarded is null
            ? storage
            : new Dictionary<string, string>(storage) { ["Storage:AzureBlob:ConnectionString"] = unguarded.ConnectionString };

        using var endpoint = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        var sellers = Enumerable.Range(0, settings.Sellers).Select(i => new SharedStoreSeller(endpoint, connector, texts, i)).ToList();
        var environment = CrashRun.ProcessEnvironment(BotSettings(botStorage, simulator.BaseAddress, sellers));
        var host = typeof(Program).Assembly.Location;
        Task<ListeningProcess>[] starting =
        [
            ListeningProcess.StartAsync(host, environment, [ConflictLine, .. ErrorLines]),
            ListeningProcess.StartAsync(host, environment, [ConflictLine, .. ErrorLines]),
        ];
        try
        {
            var bots = await Task.WhenAll(starting);
            await using var proxy = await RoundRobinProxy.StartAsync([.. bots.Select(b => b.BaseAddress)]);
            endpoint.BaseAddress = proxy.BaseAddress;
            await using var observer = SellerSide.Create(simulator.BaseAddress, storage);
            await Task.WhenAll(sellers.Select(s => s.InstallAsync(cancellationToken)));
            await WaitUntilAsync(() => observer.IsExpiryIndexReadyAsync(cancellationToken), "the expiry index to be built", bots, cancellationToken);

            var scans = new ScanTrigger(bots);
            var walking = Task.WhenAll(sellers.Select(async s =>
            {
                var walks = new List<WalkResult>();
                for (var walk = 0; walk < settings.Walks; walk++)
                {
                    walks.Add(await s.WalkAsync(walk, settings.Burst, cancellationToken));
                }

                return walks;
            }));
            for (var round = 0; round < settings.ScanRounds; round++)
            {
                await scans.BothAsync(cancellationToken);
                await Task.Delay(SharedStoreSettings.ScanPause, cancellationToken);
            }

            var walks = (await walking).SelectMany(w => w).ToList();

            // One more scan of both once the walks are over, and the reminders settled: a plan started after it, and no
            // outbox left (the dispatcher deletes a recipient's outbox once it has nothing more to send).
            var settleFrom = DateTimeOffset.UtcNow;
            await scans.BothAsync(cancellationToken);
            await WaitUntilAsync(async () => await LastPlannedAsync(observer.Storage, cancellationToken) >= settleFrom
                && !await AnyAsync(observer.Storage.ListKeysAsync("reminders/outbox/", cancellationToken)), "the reminders to settle", bots, cancellationToken);

            var schedule = new ReminderSchedule(Options.Create(new ReminderOptions { LeadTimes = LeadTimes }));
            var due = await DueReminder.ReadAsync(inspection, new KaizalaProOptions().SkuId, schedule, DateTimeOffset.UtcNow, cancellationToken);
            var ledger = new List<string>();
            await foreach (var key in observer.Storage.ListKeysAsync("reminders/sent/", cancellationToken))
            {
                ledger.Add(key["reminders/sent/".Length..]);
            }

            var reminders = ReminderTally.Count(connector.Exchanges, [.. sellers.Select(s => s.ConversationId)], due, texts.All("reminderHeader"), ledger);
            return new SharedStoreReport(
                settings, walks, proxy.Served, bots.Sum(b => b.Count(ConflictLine)), bots.Sum(b => ErrorLines.Sum(b.Count)),
                scans.Accepted, scans.Refused, reminders, Stopwatch.GetElapsedTime(started))
            {
                ConditionsDropped = settings.WithoutETags ? unguarded?.Stripped : null,
                LeasesGranted = settings.WithoutLeases ? unguarded?.LeasesGranted : null,
            };
        }
        finally
        {
            // Both starts have ended here (WhenAll waits for both): stop whichever came up, even if the other did not.
            foreach (var bot in starting.Where(s => s.IsCompletedSuccessfully))
            {
                await bot.Result.DisposeAsync();
            }
        }
    }

    private static Dictionary<string, string> BotSettings(
        IReadOnlyDictionary<string, string> storage, Uri partnerCenter, List<SharedStoreSeller> sellers)
    {
        var settings = new Dictionary<string, string>(storage);
        foreach (var (key, value) in SellerSide.PartnerCenterSettings(partnerCenter))
        {
            settings[key] = value;
        }

        settings["Playground:Enabled"] = "false";
        settings["Expiry:BuildAtStartup"] = "true";
        settings["Reminders:Enabled"] = "true";
        settings["Reminders:MaxItemsPerCard"] = ItemsPerCard.ToString(CultureInfo.InvariantCulture);
        settings["Reminders:PollInterval"] = "00:00:05";
        for (var i = 0; i < LeadTimes.Length; i++)
        {
            settings[$"Reminders:LeadTimes:{i}"] = LeadTimes[i].ToString(CultureInfo.InvariantCulture);
        }

        // The sellers may migrate (and so get reminders): members of the partner's tenant, listed as a local seller is.
        settings["Migration:Authorization:PartnerTenantId"] = SimulatorDemoDirectory.PartnerTenantId;
        for (var i = 0; i < sellers.Count; i++)
        {
            settings[$"Migration:Authorization:AllowedUsers:{i}"] = sellers[i].AadObjectId;
        }

        // A burst is several clicks of one seller within milliseconds, above Teams' per-conversation send limits; the
        // limiter still runs on every send, with limits no run reaches.
        settings["BotFramework:ConversationRateLimits:0:Limit"] = "1000000";
        settings["BotFramework:ConversationRateLimits:0:Window"] = "00:00:01";
        settings["BotFramework:TenantRateLimits:0:Limit"] = "1000000";
        settings["BotFramework:TenantRateLimits:0:Window"] = "00:00:01";

        // The adapter logs a turn re-run after an ETag conflict at Information: counted, to show the race was met.
        settings["Logging:LogLevel:KaizalaBot.BotFramework.Builder.CloudAdapter"] = "Information";
        return settings;
    }

    private static async Task<DateTimeOffset?> LastPlannedAsync(IStorage storage, CancellationToken cancellationToken) =>
        await storage.ReadAsync("reminders/state", cancellationToken) is { } state && state.Content.TryGetProperty("lastPlannedAt", out var at)
            ? at.GetDateTimeOffset()
            : null;

    private static async Task<bool> AnyAsync(IAsyncEnumerable<string> keys)
    {
        await foreach (var _ in keys)
        {
            return true;
        }

        return false;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what, IReadOnlyList<ListeningProcess> bots, CancellationToken cancellationToken)
    {
        var waited = Stopwatch.GetTimestamp();
        while (!await condition())
        {
            if (Stopwatch.GetElapsedTime(waited) > SettleLimit)
            {
                throw new TimeoutException($"Waited {SettleLimit} for {what}; the bots' last lines:{Environment.NewLine}{string.Join(Environment.NewLine + "---" + Environment.NewLine, bots.Select(b => b.Tail()))}");
            }

            await Task.Delay(PollEvery, cancellationToken);
        }
    }

    /// <summary><c>POST /_dev/reminders/scan</c> on both instances at the same moment, each directly (not through the proxy).</summary>
    private sealed class ScanTrigger(IReadOnlyList<ListeningProcess> bots)
    {
        private int _accepted;
        private int _refused;

        public int Accepted => _accepted;

        public int Refused => _refused;

        public async Task BothAsync(CancellationToken cancellationToken)
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            await Task.WhenAll(bots.Select(async bot =>
            {
                using var response = await http.PostAsync(new Uri(bot.BaseAddress, "_dev/reminders/scan"), content: null, cancellationToken);
                Interlocked.Increment(ref response.StatusCode == HttpStatusCode.Accepted ? ref _accepted : ref _refused);
            }));
        }
    }
}
