using System.Globalization;
using KaizalaBot.BotFramework.Connector;
using KaizalaBot.BotFramework.Schema;
using KaizalaBot.Migration.Reminders;
using KaizalaBot.Proactive;
using KaizalaBot.Testing.Protocol;
using KaizalaBot.Tests.Support;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace KaizalaBot.Tests.Reminders;

/// <summary>
/// Reminders at partner scale through the real host (its adapter, connector chain and Teams rate limiters), in virtual
/// time, against a Bot Connector that enforces Teams' limits with 429 and Retry-After: every seller gets their digest.
/// </summary>
public sealed class ReminderFanOutTests
{
    private const int Sellers = 2000;

    [Fact]
    public async Task Cycle_TwoThousandSellers_EveryDigestArrivesOnceNoneLost()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));
        var teams = new TeamsLimitEnforcingConnector(clock);
        var settings = ReminderHostSettings.Create([.. Enumerable.Range(0, Sellers).Select(i => ($"Migration:Authorization:AllowedUsers:{i}", (string?)SellerId(i)))]);
        await using var host = new SimulatorRoutingHost(settings);
        using var configured = host.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(clock);
            services.AddHttpClient(BotConnectorServiceCollectionExtensions.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => teams);
        }));
        var installations = configured.Services.GetRequiredService<InstallationStore>();
        var template = new TeamsActivities(new Uri("https://smba.trafficmanager.net/emea/")).InstallationAdd();
        for (var i = 0; i < Sellers; i++)
        {
            await installations.SaveAsync(template with
            {
                From = new ChannelAccount { Id = $"29:seller-{i}", Name = $"Seller {i}", AadObjectId = SellerId(i) },
                Conversation = new ConversationAccount { Id = $"a:seller-{i}", ConversationType = "personal", TenantId = TeamsActivities.TenantId },
            }, CancellationToken.None);
        }

        var worker = configured.Services.GetRequiredService<ReminderWorker>();
        var started = clock.GetUtcNow();
        var cycle = Task.Run(() => worker.RunOnceAsync(scanNow: true, CancellationToken.None));
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        while (!cycle.IsCompleted && !limit.IsCancellationRequested)
        {
            // Small steps: each send's real processing must stay short in virtual time, as it is in production.
            clock.Advance(TimeSpan.FromMilliseconds(20));
            await Task.Delay(1, CancellationToken.None);
        }

        var result = await cycle.WaitAsync(TimeSpan.FromSeconds(1));

        // Ten reminders due per seller on the demo partner, one digest each: a header, then the digest in its place.
        Assert.Equal((Sellers, Sellers * 10, 0), (result!.Dispatch.DigestsShown, result.Dispatch.RemindersShown, result.Dispatch.RemindersUndeliverable));
        var delivered = teams.Delivered;
        Assert.Equal(Sellers, delivered.Count);
        Assert.All(delivered.Values, calls => Assert.Equal(2, calls));
        Assert.Equal(Sellers, teams.DeliveredUpdates);
        // Without our limiters Teams would refuse thousands of these calls. With them, a few refusals remain where a
        // send's real processing straddles a virtual-time step (more on a loaded machine): at most 1 % of the 4,000.
        Assert.InRange(teams.Throttled, 0, Sellers * 2 / 100);

        // 4,000 calls at the background share of 50/s (40/s) take 100 s; the limiters never let Teams refuse more than a few.
        // The lower bound allows one second: the first window's sends leave at 0 s, not after a first refill, so the last
        // can land a step before 100 s (CI saw 99.98 s).
        Assert.InRange(clock.GetUtcNow() - started, TimeSpan.FromSeconds(99), TimeSpan.FromSeconds(130));
    }

    private static string SellerId(int i) => string.Create(CultureInfo.InvariantCulture, $"aad-seller-{i:D4}");
}
