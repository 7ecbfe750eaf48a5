using KaizalaBot.BotFramework.Builder;
using KaizalaBot.BotFramework.Connector;
using KaizalaBot.BotFramework.Integration;
using KaizalaBot.BotFramework.Schema;
using KaizalaBot.BotFramework.Tests.Support.Protocol;
using KaizalaBot.BotFramework.Tests.Testing;
using KaizalaBot.Testing.Protocol;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace KaizalaBot.BotFramework.Tests.Connector;

/// <summary>
/// Proactive sends at reminder scale, through the adapter and the production connector chain, against a connector
/// that enforces Teams' limits, all in virtual time.
/// </summary>
public sealed class TeamsRateLimitEndToEndTests
{
    private const string ServiceUrl = "https://smba.trafficmanager.net/emea/";

    [Fact]
    public async Task ContinueConversationAsync_TwoThousandDigestsPlusAHundredToOneSeller_AllArriveWithoutBeingThrottled()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        var teams = new TeamsLimitEnforcingConnector(time);
        await using var services = ConnectorServices.Create(
            time, new BotConnectorOptions(), "6c1a7a4e-2d1f-4a8e-9b3c-0f1e2d3c4b5a", new FakeBotTokenProvider(), teams);
        var adapter = new CloudAdapter(new FakeAuthenticator(null), services.GetRequiredService<IConnectorClient>(), [],
            Options.Create(new BotAdapterOptions()), NullLogger<CloudAdapter>.Instance, time, lifetime: null, services.GetRequiredService<OutboundDeadline>());

        // Off the test framework's synchronisation context, so each woken send runs on at the virtual instant it woke.
        var turns = await Task.Run(() => Enumerable.Range(0, 2000)
            .Select(i => adapter.ContinueConversationAsync(Reference($"a:seller-{i}"), (turn, ct) =>
                turn.SendActivityAsync(MessageFactory.Text("3 Kaizala Pro subscriptions expire within 30 days"), ct), Ct.Bounded()))
            .Append(adapter.ContinueConversationAsync(Reference("a:busy-seller"), async (turn, ct) =>
            {
                for (var i = 0; i < 100; i++)
                {
                    await turn.SendActivityAsync(MessageFactory.Text($"Step B: {i + 1} of 100 users moved"), ct);
                }
            }, Ct.Bounded()))
            .ToList());
        var all = Task.WhenAll(turns);
        var started = time.GetUtcNow();
        await Task.Run(async () =>
        {
            while (!all.IsCompleted && time.GetUtcNow() - started < TimeSpan.FromMinutes(10))
            {
                time.Advance(TimeSpan.FromMilliseconds(100));
                await Task.Yield();
            }
        });

        var results = await all.WaitAsync(Ct.Bounded());
        Assert.All(results, r => Assert.True(r.Status == ProactiveTurnStatus.Completed, r.Failure?.ToString()));
        var delivered = teams.Delivered;
        Assert.Equal(2001, delivered.Count);
        Assert.Equal(100, delivered["a:busy-seller"]);
        Assert.All(delivered.Where(d => d.Key != "a:busy-seller"), d => Assert.Equal(1, d.Value));
        Assert.InRange(teams.Throttled, 0, 5);

        // 2,000 digests at the background share of 50/s take 50 s; the busy seller's 100 then need 8 per 2 s and 60 per 30 s.
        Assert.InRange(time.GetUtcNow() - started, TimeSpan.FromSeconds(50), TimeSpan.FromMinutes(3));
    }

    private static ConversationReference Reference(string conversationId) => new()
    {
        ChannelId = Channels.Msteams,
        ServiceUrl = ServiceUrl,
        Conversation = new ConversationAccount { Id = conversationId, ConversationType = "personal", TenantId = "5f8e1a3c-0000-4000-8000-00000000c5b1" },
        User = new ChannelAccount { Id = "29:" + conversationId },
        Bot = new ChannelAccount { Id = "28:kaizalabot" },
        Locale = "en-US",
    };
}
