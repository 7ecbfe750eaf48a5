using KaizalaBot.BotFramework.Builder;
using KaizalaBot.BotFramework.Schema;
using KaizalaBot.BotFramework.Testing;

namespace KaizalaBot.BotFramework.Tests.Testing;

public sealed class TestConnectorClientTests
{
    [Fact]
    public async Task CreateConversationAsync_WithFirstActivity_RecordsBothAndReturnsIds()
    {
        var connector = new TestConnectorClient();
        var parameters = new ConversationParameters
        {
            IsGroup = false,
            Members = [new ChannelAccount { Id = "29:user" }],
            TenantId = "tenant-1",
            Activity = MessageFactory.Text("Reminder"),
        };

        var response = await connector.CreateConversationAsync("https://smba.trafficmanager.net/teams/", parameters, Ct.Bounded());

        Assert.Equal("created-conversation-1", response.Id);
        Assert.Equal("activity-1", response.ActivityId);
        Assert.Same(parameters, Assert.Single(connector.CreatedConversations));
        Assert.Equal("created-conversation-1", Assert.Single(connector.Replies).Conversation!.Id);
    }

    [Fact]
    public async Task UpdateActivityAsync_KeepsTheReplacedIdAndTypingIsCountedApart()
    {
        var connector = new TestConnectorClient();

        await connector.SendToConversationAsync(new Activity { Type = ActivityTypes.Typing }, Ct.Bounded());
        var sent = await connector.SendToConversationAsync(MessageFactory.Text("card"), Ct.Bounded());
        var updated = await connector.UpdateActivityAsync(MessageFactory.Text("new card") with { Id = sent.Id }, Ct.Bounded());

        Assert.Equal(sent.Id, updated.Id);
        Assert.Equal(1, connector.TypingCount);
        Assert.Equal([sent.Id, sent.Id], connector.Replies.Select(r => r.Id));
    }
}
