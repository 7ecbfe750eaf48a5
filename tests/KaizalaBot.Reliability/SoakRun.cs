using System.Diagnostics;
using System.Globalization;
using KaizalaBot.Migration.Catalog;
using KaizalaBot.Migration.Jobs;
using KaizalaBot.PartnerCenter.Simulator;
using KaizalaBot.Testing;

namespace KaizalaBot.Reliability;

/// <summary>
/// The soak harness: the bot process (the real host, Development, file store) against the standalone simulator process,
/// under moderate load for the whole run — many sellers, each in their own chat, taking turns through <c>/api/messages</c>
/// at a person's pace, migrations confirmed one after the other as the crash harness confirms them (the bot's runner
/// carries them out, its cards going to one seller after another), a reminder scan
/// asked for through <c>/_dev/reminders/scan</c> at a fixed pace — while the bot's resident memory, threads and open
/// handles are read from <c>/proc</c> at a fixed pace. Each metric's least-squares slope after the warm-up, times the
/// measured span, must stay under its bound (<see cref="SoakSettings.Bounds"/>), and every turn's reply must be delivered.
/// </summary>
public static class SoakRun
{
    public static async Task<SoakReport> RunAsync(SoakSettings settings, TextWriter? output, CancellationToken cancellationToken)
    {
        output?.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"KaizalaBot soak harness: {settings.Duration.TotalMinutes:F1} min, trend from {settings.WarmUp.TotalSeconds:F0} s, a sample every {settings.SampleEvery.TotalSeconds:F0} s, {settings.Users}-user migrations back to back, a reminder scan every {settings.ScanEvery.TotalSeconds:F0} s, {settings.Sellers} sellers pausing {settings.TurnPause.TotalSeconds * 0.5:F0} to {settings.TurnPause.TotalSeconds * 1.5:F0} s between turns; "
            + $"{Environment.ProcessorCount} cores, .NET {Environment.Version}, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}"));

        using var storageRoot = new TempDirectory();
        var storage = new Dictionary<string, string> { ["Storage:Provider"] = "File", ["Storage:File:RootPath"] = storageRoot.Path };
        await using var simulator = await ListeningProcess.StartAsync(
            typeof(SimulatorProgram).Assembly.Location,
            CrashRun.ProcessEnvironment(new Dictionary<string, string> { ["PartnerCenterSimulator:ProvisioningDelay"] = "00:00:03" }));
        using var inspection = new HttpClient { BaseAddress = simulator.BaseAddress };
        var kaizalaSkuId = new KaizalaProOptions().SkuId;
        var (customerId, users) = await SimulatedTenant.FindCustomerAsync(inspection, kaizalaSkuId, settings.Users, cancellationToken)
            ?? throw new InvalidOperationException($"No simulated customer has {settings.Users} movable Kaizala Pro holders.");
        await using var connector = await CountingChatConnector.StartAsync();

        var botSettings = new Dictionary<string, string>(storage);
        foreach (var (key, value) in SellerSide.PartnerCenterSettings(simulator.BaseAddress))
        {
            botSettings[key] = value;
        }

        // The runner's waits shortened as in the crash harness, so that migrations follow each other at a steady pace; the
        // reminders stay on (the product's default), the expiry index is built at start-up as in production.
        botSettings["Migration:Runner:PollInterval"] = "00:00:01";
        botSettings["Migration:Runner:ProvisioningPollInterval"] = "00:00:01";
        botSettings["Reminders:Enabled"] = "true";
        botSettings["Playground:Enabled"] = "false";
        SoakSeller.Allow(botSettings, settings.Sellers);

        await using var bot = await ListeningProcess.StartAsync(typeof(Program).Assembly.Location, CrashRun.ProcessEnvironment(botSettings));
        using var http = new HttpClient { BaseAddress = bot.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        await using var seller = SellerSide.Create(simulator.BaseAddress, storage);
        var sellers = SoakSeller.Many(settings.Sellers, bot.BaseAddress, connector.ServiceUrl);

        var started = Stopwatch.GetTimestamp();
        using var load = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var migrations = new MigrationLoad();
        var scans = new ScanLoad();
        Task[] loads =
        [
            .. sellers.Select(s => s.TalkAsync(settings.TurnPause, load.Token)),
            migrations.RunAsync(inspection, seller, customerId, users, sellers, bot, load.Token),
            scans.RunAsync(http, settings.ScanEvery, load.Token),
        ];

        var samples = new List<ProcessSample>();
        output?.WriteLine(SoakReport.SampleHeader);
        try
        {
            // A load that failed (a migration confirm refused, the bot unreachable) ends the run at once: the finally rethrows it.
            while (Stopwatch.GetElapsedTime(started) < settings.Duration && !loads.Any(l => l.IsFaulted))
            {
                var sample = ProcessSample.Read(bot.Id, Stopwatch.GetElapsedTime(started));
                samples.Add(sample);
                output?.WriteLine(sample);
                await Task.Delay(settings.SampleEvery, cancellationToken);
            }
        }
        finally
        {
            await load.CancelAsync();
            await Task.WhenAll(loads);
            foreach (var s in sellers)
            {
                s.Dispose();
            }
        }

        // Each turn's replies were sent before it was answered, so every reply of an answered turn has reached the connector.
        var answered = sellers.SelectMany(s => s.AnsweredMessages).ToList();
        return SoakReport.Create(
            settings,
            samples,
            SoakSettings.Bounds,
            new SoakLoad(
                settings.Sellers,
                sellers.Sum(s => s.Turns),
                sellers.Sum(s => s.Failures),
                answered.Count,
                answered.Count(connector.RepliedTo),
                migrations.Completed,
                migrations.NotCompleted,
                scans.Accepted + scans.Refused,
                scans.Refused,
                connector.Calls));
    }

    /// <summary>
    /// Migrations of the same customer one after the other, the simulator's world reset before each, each confirmed by the
    /// next seller (its progress card and summary go to that seller's chat, as when many sellers migrate); stops at the
    /// first that does not complete.
    /// </summary>
    private sealed class MigrationLoad
    {
        public int Completed { get; private set; }

        public int NotCompleted { get; private set; }

        public async Task RunAsync(
            HttpClient inspection, SellerSide seller, string customerId, IReadOnlyList<MigrationUser> users, IReadOnlyList<SoakSeller> sellers, ListeningProcess bot,
            CancellationToken cancellationToken)
        {
            try
            {
                for (var run = 1; ; run++)
                {
                    using (var reset = await inspection.PostAsync("_simulator/reset", content: null, cancellationToken))
                    {
                        reset.EnsureSuccessStatusCode();
                    }

                    var migration = await seller.ConfirmAsync(
                        customerId, users, sellers[run % sellers.Count].Reference(), string.Create(CultureInfo.InvariantCulture, $"soak-review-card-{run}"), cancellationToken);
                    var final = await CrashRun.WaitUntilRestingAsync(seller, migration.Id, bot, cancellationToken);
                    if (final.State != MigrationState.Completed)
                    {
                        // Its slot stays taken, so the customer cannot be migrated again: the run has failed already.
                        NotCompleted++;
                        return;
                    }

                    Completed++;
                    await seller.ReleaseSlotAsync(final, cancellationToken);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // The run's end; the migration under way then is counted neither way.
            }
        }
    }

    /// <summary>The Development trigger of a reminder scan, at a fixed pace.</summary>
    private sealed class ScanLoad
    {
        public int Accepted { get; private set; }

        public int Refused { get; private set; }

        public async Task RunAsync(HttpClient bot, TimeSpan every, CancellationToken cancellationToken)
        {
            try
            {
                while (true)
                {
                    using (var response = await bot.PostAsync("_dev/reminders/scan", content: null, cancellationToken))
                    {
                        if (response.StatusCode == System.Net.HttpStatusCode.Accepted)
                        {
                            Accepted++;
                        }
                        else
                        {
                            Refused++;
                        }
                    }

                    await Task.Delay(every, cancellationToken);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // The run's end.
            }
        }
    }
}
