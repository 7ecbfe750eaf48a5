using System.Text.Json.Nodes;
using KaizalaBot.Cards;
using KaizalaBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace KaizalaBot.Tests.Conversation;

/// <summary>
/// A click answered with a waiting card whose read finishes right after: the redraw that follows the turn replaces the
/// answer's card and never goes under it, however late the client looks at the answer.
/// </summary>
public sealed class WaitingCardOrderTests
{
    [Fact]
    public async Task Users_ReadFinishesAsTheWaitingCardIsAnswered_TheRedrawAfterTheAnswerIsWhatTheSellerSees()
    {
        // The users' licence reads wait at the gate: the read started at the subscription step is still running when
        // the licence count is set, so that click is answered with the waiting card.
        var gate = new RequestGate(request => request.RequestUri!.AbsolutePath.EndsWith("/licenses", StringComparison.Ordinal));
        await using var world = await ConversationWorld.StartAsync(
            services: services => services.ConfigureHttpClientDefaults(http => http.AddHttpMessageHandler(gate.CreateHandler)));
        var customer = await world.SmallKaizalaCustomerAsync();
        var seller = new ConversationDriver(world, CardStyle.Execute);
        await seller.InstallAsync();
        await MigrationWalkThrough.ToLicenceCountAsync(seller, customer, "en-US");
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
}
