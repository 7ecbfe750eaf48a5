using System.Diagnostics;
using System.Globalization;
using KaizalaBot.BotFramework.Connector;
using KaizalaBot.BotFramework.Schema;
using KaizalaBot.Migration.Expiry;
using KaizalaBot.Migration.Reminders;
using KaizalaBot.PartnerCenter.Simulator;
using KaizalaBot.Proactive;
using KaizalaBot.Testing.Protocol;
using Microsoft.Extensions.DependencyInjection;
using Activity = KaizalaBot.BotFramework.Schema.Activity;

namespace KaizalaBot.Benchmarks;

/// <summary>
/// Reminder digests to many sellers through the real host (adapter, connector chain, Teams rate limiters, outbox),
/// against a Bot Connector that enforces Teams' limits in real time (429 + Retry-After past them), measured against
/// Teams' limit floor: each digest is two calls (header, then the digest in its place), and background sends may use
/// 80 % of the tenant's 50 per second. Partner Center is the simulator's demo partner, in its own process.
/// </summary>
internal static class ReminderFanOutBenchmark
{
    private const string TenantId = "5f8e1a3c-0000-4000-8000-00000000c5b1";
    private const double BackgroundCallsPerSecond = 50 * 0.8;

    public static async Task<int> RunAsync(BenchmarkArguments arguments)
    {
        var recipients = arguments.Int("recipients", 2000);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"KaizalaBot reminder fan-out benchmark: {recipients:N0} sellers, {Environment.ProcessorCount} cores, .NET {Environment.Version}"));

        await using var simulator = await SimulatorProcess.StartAsync(40, 25);
        var teams = new TeamsLimitEnforcingConnector(TimeProvider.System);
        var settings = new Dictionary<string, string?>
        {
            ["PartnerCenter:Endpoint"] = simulator.Root.ToString(),
            ["PartnerCenter:Authority"] = simulator.Root.ToString(),
            ["Expiry:BuildAtStartup"] = "false",
            ["Expiry:RequestsPerMinute"] = "60000",
            ["Reminders:Enabled"] = "false",
            ["Migration:Authorization:PartnerTenantId"] = TenantId,
        };
        for (var i = 0; i < recipients; i++)
        {
            settings[$"Migration:Authorization:AllowedUsers:{i}"] = SellerId(i);
        }

        await using var host = new BenchmarkHost("Memory", "unused", settings, services =>
            services.AddHttpClient(BotConnectorServiceCollectionExtensions.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => teams));
        using var client = host.CreateClient();   // starts the host
        var provider = host.Services;
        await InstallAsync(provider.GetRequiredService<InstallationStore>(), recipients);
        await provider.GetRequiredService<ExpiryIndexBuilder>().ScanIfDueAsync(TimeSpan.Zero, CancellationToken.None);
        var plan = await provider.GetRequiredService<ReminderPlanner>().PlanAsync(CancellationToken.None);

        var watch = Stopwatch.StartNew();
        var dispatch = await provider.GetRequiredService<ReminderDispatcher>().DispatchAsync(CancellationToken.None);
        watch.Stop();

        var calls = 2 * recipients;
        var floor = TimeSpan.FromSeconds(calls / BackgroundCallsPerSecond);
        var lost = plan.Queued - dispatch.RemindersShown - dispatch.RemindersUndeliverable;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            reminders  {plan.Queued:N0} queued for {plan.Recipients:N0} sellers; {dispatch.DigestsShown:N0} digests shown holding {dispatch.RemindersShown:N0}, {dispatch.RemindersUndeliverable} undeliverable, {lost} lost
            teams      {teams.Arrivals:N0} calls arrived, {teams.Throttled} answered 429, {teams.DeliveredUpdates:N0} digests shown in place
            floor      {recipients:N0} digests x 2 calls (header, digest) / ({BackgroundCallsPerSecond:F0} per s = 80 % of Teams' 50 per s per tenant) = {floor.TotalSeconds:F1} s
            measured   {watch.Elapsed.TotalSeconds:F1} s, ratio {watch.Elapsed / floor:F3}
            """));
        return lost == 0 && dispatch.DigestsShown == recipients ? 0 : 1;
    }

    private static async Task InstallAsync(InstallationStore installations, int recipients)
    {
        for (var i = 0; i < recipients; i++)
        {
            await installations.SaveAsync(new Activity
            {
                Type = ActivityTypes.InstallationUpdate,
                Action = InstallationUpdateActions.Add,
                ChannelId = Channels.Msteams,
                ServiceUrl = "https://smba.trafficmanager.net/emea/",
                Locale = i % 2 == 0 ? "en-US" : "fr-FR",
                From = new ChannelAccount { Id = $"29:seller-{i}", Name = $"Seller {i}", AadObjectId = SellerId(i) },
                Recipient = new ChannelAccount { Id = "28:kaizalabot", Name = "KaizalaBot" },
                Conversation = new ConversationAccount { Id = $"a:seller-{i}", ConversationType = "personal", TenantId = TenantId },
            }, CancellationToken.None);
        }
    }

    private static string SellerId(int i) => string.Create(CultureInfo.InvariantCulture, $"aad-seller-{i:D4}");
}
