using KaizalaBot.BotFramework.Builder;
using KaizalaBot.BotFramework.Schema;

namespace KaizalaBot.BotFramework.Tests.Builder;

public sealed class ConversationReferenceExtensionsTests
{
    private static Activity Inbound(string type, string channelId) => new()
    {
        Type = type,
        Id = "act-1",
        ChannelId = channelId,
        ServiceUrl = "https://smba.trafficmanager.net/teams/",
        Conversation = new ConversationAccount { Id = "a:conv" },
        From = new ChannelAccount { Id = "29:user" },
        Recipient = new ChannelAccount { Id = "28:bot" },
        Locale = "en-US",
    };

    [Fact]
    public void GetConversationReference_TeamsMessage_BotIsRecipientUserIsSender()
    {
        var reference = Inbound(ActivityTypes.Message, Channels.Msteams).GetConversationReference();

        Assert.Equal("act-1", reference.ActivityId);
        Assert.Equal("28:bot", reference.Bot!.Id);
        Assert.Equal("29:user", reference.User!.Id);
        Assert.Equal("a:conv", reference.Conversation!.Id);
        Assert.Equal("https://smba.trafficmanager.net/teams/", reference.ServiceUrl);
        Assert.Equal("en-US", reference.Locale);
    }

    [Fact]
    public void GetConversationReference_DirectLineConversationUpdate_OmitsActivityId()
    {
        var reference = Inbound(ActivityTypes.ConversationUpdate, Channels.Directline).GetConversationReference();

        Assert.Null(reference.ActivityId);
    }

    [Fact]
    public void GetContinuationActivity_StoredReference_EventFromUserToBotWithoutReplyId()
    {
        var reference = Inbound(ActivityTypes.Message, Channels.Msteams).GetConversationReference() with { ActivityId = null };

        var activity = reference.GetContinuationActivity();

        Assert.Equal(ActivityTypes.Event, activity.Type);
        Assert.Equal("ContinueConversation", activity.Name);
        Assert.Null(activity.Id);
        Assert.Equal("29:user", activity.From!.Id);
        Assert.Equal("28:bot", activity.Recipient!.Id);
        Assert.Same(reference, activity.RelatesTo);
    }
}
