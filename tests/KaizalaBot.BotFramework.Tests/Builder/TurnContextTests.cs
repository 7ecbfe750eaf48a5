using System.Text.Json;
using KaizalaBot.BotFramework.Builder;
using KaizalaBot.BotFramework.Schema;
using KaizalaBot.BotFramework.Tests.Testing;

namespace KaizalaBot.BotFramework.Tests.Builder;

public sealed class TurnContextTests
{
    private static Activity Inbound(string channelId = Channels.Msteams) => new()
    {
        Type = ActivityTypes.Message,
        Id = "1575667808184",
        ChannelId = channelId,
        ServiceUrl = "https://smba.trafficmanager.net/emea/",
        Conversation = new ConversationAccount { Id = "a:1xyz", ConversationType = "personal", TenantId = "tenant-1" },
        From = new ChannelAccount { Id = "29:user", Name = "Alex", AadObjectId = "aad-user" },
        Recipient = new ChannelAccount { Id = "28:app", Name = "KaizalaBot" },
        Locale = "fr-FR",
        Text = "bonjour",
    };

    [Fact]
    public async Task SendActivityAsync_Unbuffered_FillsFieldsFromConversationReferenceAndReplies()
    {
        var connector = new RecordingConnector();
        var turn = new TurnContext(Inbound(), connector, buffered: false);

        var response = await turn.SendActivityAsync(MessageFactory.Text("hello") with { Id = "must-be-cleared" }, Ct.Bounded());

        var (operation, sent, _) = Assert.Single(connector.Calls);
        Assert.Equal("ReplyToActivity", operation);
        Assert.Equal("sent-1", response.Id);
        Assert.Null(sent!.Id);
        Assert.Equal(Channels.Msteams, sent.ChannelId);
        Assert.Equal("https://smba.trafficmanager.net/emea/", sent.ServiceUrl);
        Assert.Equal("a:1xyz", sent.Conversation!.Id);
        Assert.Equal("28:app", sent.From!.Id);
        Assert.Equal("29:user", sent.Recipient!.Id);
        Assert.Equal("fr-FR", sent.Locale);
        Assert.Equal("1575667808184", sent.ReplyToId);
        Assert.True(turn.Responded);
    }

    [Theory]
    [InlineData(" ")]
    [InlineData("\t")]
    public async Task SendActivityAsync_InboundIdBlank_SendsToConversationInsteadOfReplying(string blankId)
    {
        // A hostile or broken activity whose id names nothing: the connector would refuse a reply to it.
        var connector = new RecordingConnector();
        var turn = new TurnContext(Inbound() with { Id = blankId }, connector, buffered: false);

        await turn.SendActivityAsync(MessageFactory.Text("hello"), Ct.Bounded());

        var (operation, sent, _) = Assert.Single(connector.Calls);
        Assert.Equal("SendToConversation", operation);
        Assert.Equal("a:1xyz", sent!.Conversation!.Id);
    }

    [Fact]
    public async Task SendActivityAsync_LocaleAlreadySet_KeepsIt()
    {
        var connector = new RecordingConnector();
        var turn = new TurnContext(Inbound(), connector, buffered: false);

        await turn.SendActivityAsync(MessageFactory.Text("hi") with { Locale = "en-GB" }, Ct.Bounded());

        Assert.Equal("en-GB", connector.Calls[0].Activity!.Locale);
    }

    [Fact]
    public async Task SendActivityAsync_Buffered_SendsNothingUntilFlushThenInOrder()
    {
        var connector = new RecordingConnector();
        var turn = new TurnContext(Inbound(), connector, buffered: true);

        var response = await turn.SendActivityAsync(MessageFactory.Text("one"), Ct.Bounded());
        await turn.UpdateActivityAsync(MessageFactory.Text("two") with { Id = "card-1" }, Ct.Bounded());
        await turn.DeleteActivityAsync("old-1", Ct.Bounded());
        var sentBeforeFlush = connector.Calls.Count;
        await turn.FlushAsync(Ct.Bounded());

        Assert.Null(response.Id);
        Assert.Equal(0, sentBeforeFlush);
        Assert.Equal(["ReplyToActivity", "UpdateActivity", "DeleteActivity"], connector.Calls.Select(c => c.Operation));
        Assert.Equal("card-1", connector.Calls[1].Activity!.Id);
        Assert.Equal("old-1", connector.Calls[2].ActivityId);
    }

    [Fact]
    public async Task SendTypingAsync_Buffered_SendsAtOnceAsNewPost()
    {
        var connector = new RecordingConnector();
        var turn = new TurnContext(Inbound(), connector, buffered: true);

        await turn.SendTypingAsync(Ct.Bounded());

        var (operation, typing, _) = Assert.Single(connector.Calls);
        Assert.Equal("SendToConversation", operation);
        Assert.Equal(ActivityTypes.Typing, typing!.Type);
        Assert.Null(typing.ReplyToId);
        Assert.Equal("29:user", typing.Recipient!.Id);
    }

    [Fact]
    public async Task SendActivityAsync_InvokeResponseActivity_SetsInvokeResponseWithoutSending()
    {
        var connector = new RecordingConnector();
        var turn = new TurnContext(Inbound() with { Type = ActivityTypes.Invoke }, connector, buffered: false);
        var answer = InvokeResponses.Message("ok");

        await turn.SendActivityAsync(
            new Activity { Type = ActivityTypes.InvokeResponse, Value = JsonSerializer.SerializeToElement(answer, BotJson.Options) }, Ct.Bounded());

        Assert.Empty(connector.Calls);
        Assert.Equal(200, turn.InvokeResponse!.Status);
        Assert.Equal("ok", turn.InvokeResponse.Body!.Value.GetProperty("value").GetString());
        Assert.True(turn.Responded);
    }

    [Fact]
    public async Task SendActivityAsync_TraceOutsideEmulator_DroppedAndNotResponded()
    {
        var connector = new RecordingConnector();
        var turn = new TurnContext(Inbound(), connector, buffered: false);

        await turn.SendActivityAsync(new Activity { Type = ActivityTypes.Trace, Name = "debug" }, Ct.Bounded());

        Assert.Empty(connector.Calls);
        Assert.False(turn.Responded);
    }

    [Fact]
    public async Task OnSendActivities_HandlerChangesList_ConnectorSeesChangedListAndResponsesStayAligned()
    {
        var connector = new RecordingConnector();
        var turn = new TurnContext(Inbound(), connector, buffered: false);
        turn.OnSendActivities(async (_, activities, next) =>
        {
            activities[0] = activities[0] with { Text = activities[0].Text!.ToUpperInvariant() };
            return await next();
        });

        var responses = await turn.SendActivitiesAsync([MessageFactory.Text("a"), MessageFactory.Text("b")], Ct.Bounded());

        Assert.Equal(["A", "b"], connector.Calls.Select(c => c.Activity!.Text));
        Assert.Equal(["sent-1", "sent-2"], responses.Select(r => r.Id));
    }

    [Fact]
    public async Task UpdateActivityAsync_WithoutId_Throws()
    {
        var turn = new TurnContext(Inbound(), new RecordingConnector(), buffered: false);

        await Assert.ThrowsAnyAsync<ArgumentException>(() => turn.UpdateActivityAsync(MessageFactory.Text("x"), Ct.Bounded()));
    }
}
