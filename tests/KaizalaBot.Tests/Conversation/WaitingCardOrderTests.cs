using System.Text.Json.Nodes;
using KaizalaBot.BotFramework.Schema;
using KaizalaBot.Cards;
using KaizalaBot.Dialogs.Migration.Preparation;
using KaizalaBot.Storage;
using KaizalaBot.Storage.Memory;
using KaizalaBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace KaizalaBot.Tests.Conversation;

/// <summary>
/// The users step's background read finishing around the click that shows it: a waiting card's redraw that follows
/// the turn replaces the answer's card and never goes under it, however late the client looks at the answer; a read
/// that finishes between the turn's look for the listing and its look at the read is shown, not started again; a read
/// started again under the same key keeps the card that waits on it redrawn; and a redraw that reached Teams before the
/// seller (the test driver) started waiting for it is not missed.
/// </summary>
public sealed class WaitingCardOrderTests
{
    [Fact]
    public async Task Users_ReadFinishesAsTheWaitingCardIsAnswered_TheRedrawAfterTheAnswerIsWhatTheSellerSees()
    {
        var (world, gate, _, seller) = await AtLicenceCountAsync(storage: null);
        await using var disposeWorld = world;
        var count = MigrationWalkThrough.DefaultCount(seller.Current!);

        // The answer has left the bot; before the driver looks at it, the read finishes and its redraw reaches Teams.
        seller.OnAnswerArrived = async () =>
        {
            var from = world.Connector.Requests.Count;
            gate.Open();
            await seller.WaitForCardAsync(from, MigrationWalkThrough.IsReady, "the redraw of the finished read");
        };
        await seller.ClickAsync(CardVerbs.SetLicenceCount, inputs: new Dictionary<string, JsonNode?> { ["licenceCount"] = count });
        seller.OnAnswerArrived = null;

        Assert.True(MigrationWalkThrough.IsReady(seller.Current!), seller.Current!.Text);
        await MigrationWalkThrough.WaitForUsersAsync(seller);
    }

    [Fact]
    public async Task Users_RedrawArrivesBeforeTheSellerWaitsForIt_TheWaitTakesIt()
    {
        var (world, gate, _, seller) = await AtLicenceCountAsync(storage: null);
        await using var disposeWorld = world;
        await seller.ClickAsync(CardVerbs.SetLicenceCount, inputs: new Dictionary<string, JsonNode?> { ["licenceCount"] = MigrationWalkThrough.DefaultCount(seller.Current!) });
        Assert.False(MigrationWalkThrough.IsReady(seller.Current!), seller.Current!.Text);   // waiting on the gated read

        // The read finishes and its redraw reaches Teams after the click's answer was taken, but before anyone waits
        // for it (a fast read does exactly this): no later request comes, so the wait must find the one already there.
        var answeredAt = world.Connector.Requests.Count;
        gate.Open();
        await seller.WaitForCardAsync(answeredAt, MigrationWalkThrough.IsReady, "the redraw of the finished read");
        var shown = await seller.WaitForUpdateAsync(MigrationWalkThrough.IsReady, "the redraw already sent", TimeSpan.FromSeconds(5));

        Assert.True(MigrationWalkThrough.IsReady(shown), shown.Text);
    }

    [Fact]
    public async Task Users_ReadFinishesBetweenTheTurnsTwoLooks_ShowsItsListingWithoutReadingAgain()
    {
        var storage = new ReadHookStorage(new MemoryStorage());
        var (world, gate, customer, seller) = await AtLicenceCountAsync(storage);
        await using var disposeWorld = world;
        var count = MigrationWalkThrough.DefaultCount(seller.Current!);
        var readKey = UserListPreparer.Key(customer.Id);
        var reads = world.Host.Services.GetRequiredService<BackgroundReads>();

        // The click's turn finds no listing yet; the read then finishes (listing written, read marked ready) before the
        // turn goes on to look at the read. The hook runs once: its own reads of the read pass through.
        var hooked = 0;
        storage.BeforeRead = async key =>
        {
            if (key == readKey && Interlocked.Exchange(ref hooked, 1) == 0)
            {
                await FinishReadAsync(gate, reads, readKey);
            }
        };
        await seller.ClickAsync(CardVerbs.SetLicenceCount, inputs: new Dictionary<string, JsonNode?> { ["licenceCount"] = count });
        storage.BeforeRead = null;

        Assert.Equal(1, hooked);
        Assert.True(seller.Current!.HasVerb(CardVerbs.ExcludeUser), seller.Current.Text);
        Assert.Single(world.Logs.GetSnapshot(), r => r.Message == $"Background read {readKey} started");
    }

    [Fact]
    public async Task Users_ReadStartedAgainWhileTheFinishedOnesRedrawWaits_CardFollowsTheNewRead()
    {
        var storage = new ReadHookStorage(new MemoryStorage());
        var (world, gate, customer, seller) = await AtLicenceCountAsync(storage);
        await using var disposeWorld = world;
        await seller.ClickAsync(CardVerbs.SetLicenceCount, inputs: new Dictionary<string, JsonNode?> { ["licenceCount"] = MigrationWalkThrough.DefaultCount(seller.Current!) });
        Assert.True(seller.Current!.HasVerb(CardVerbs.Refresh), seller.Current.Text);   // waiting on the gated read
        var readKey = UserListPreparer.Key(customer.Id);
        var reads = world.Host.Services.GetRequiredService<BackgroundReads>();

        // The seller clicks Check again. As that turn starts (holding the conversation, so the finished read's redraw
        // waits for it), the read finishes and its listing is gone at once, as an expired one is: the turn starts the
        // read again and the card waits on the new read, registered anew while the old read's redraw is still queued.
        var hooked = 0;
        storage.BeforeRead = async key =>
        {
            if (key == $"{Channels.Msteams}/conversations/{seller.Seller.ConversationId}" && Interlocked.Exchange(ref hooked, 1) == 0)
            {
                await FinishReadAsync(gate, reads, readKey);
                await world.Storage.DeleteAsync($"user-listings/{customer.Id.ToUpperInvariant()}", WriteCondition.Unconditional, CancellationToken.None);
            }
        };
        await seller.ClickAsync(CardVerbs.Refresh);
        storage.BeforeRead = null;

        Assert.Equal(1, hooked);
        Assert.Equal(2, world.Logs.GetSnapshot().Count(r => r.Message == $"Background read {readKey} started"));
        await MigrationWalkThrough.WaitForUsersAsync(seller);
    }

    /// <summary>
    /// A seller on the licence count card of a small customer, the users' licence reads held at the gate: the read
    /// started at the subscription step is still running when the licence count is set, so that click is answered
    /// with the waiting card.
    /// </summary>
    private static async Task<(ConversationWorld World, RequestGate Gate, DemoCustomer Customer, ConversationDriver Seller)> AtLicenceCountAsync(
        ReadHookStorage? storage)
    {
        var gate = new RequestGate(request => request.RequestUri!.AbsolutePath.EndsWith("/licenses", StringComparison.Ordinal));
        var world = await ConversationWorld.StartAsync(
            storage: storage, services: services => services.ConfigureHttpClientDefaults(http => http.AddHttpMessageHandler(gate.CreateHandler)));
        try
        {
            var customer = await world.SmallKaizalaCustomerAsync();
            var seller = new ConversationDriver(world, CardStyle.Execute);
            await seller.InstallAsync();
            await MigrationWalkThrough.ToLicenceCountAsync(seller, customer, "en-US");
            return (world, gate, customer, seller);
        }
        catch
        {
            await world.DisposeAsync();
            throw;
        }
    }

    /// <summary>Lets the gated read go on and waits (bounded) until it is marked ready.</summary>
    private static async Task FinishReadAsync(RequestGate gate, BackgroundReads reads, string readKey)
    {
        gate.Open();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while ((await reads.ReadAsync<int>(readKey, limit.Token))?.Status != PreparationStatus.Ready)
        {
            await Task.Delay(20, limit.Token);
        }
    }
}
